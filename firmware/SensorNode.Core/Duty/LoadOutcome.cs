namespace SensorNode.Core.Duty
{
    /// <summary>What <see cref="ReadingLog.Load"/> found (docs/spec/retained-state.md §5). Reported: never renumber.</summary>
    public enum LoadOutcome
    {
        /// <summary>The log was valid and is the state.</summary>
        Loaded = 0,

        /// <summary>No log: the node has never run (or its flash was erased).</summary>
        Fresh = 1,

        /// <summary>The last append was torn by a power loss; the valid prefix is the state and the log was rewritten without the tail.</summary>
        RepairedTornWrite = 2,

        /// <summary>A record failed validation: readings were discarded, the fault counted, and a new log started.</summary>
        CleanStart = 3,
    }
}
