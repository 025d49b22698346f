namespace SensorNode.Core.Ota
{
    /// <summary>Why the node went back to its confirmed image (docs/spec/ota-slots.md §2). Persisted: never renumber.</summary>
    public enum RollbackReason
    {
        /// <summary>No rollback recorded.</summary>
        None = 0,

        /// <summary>The trial image used all its trial boots without passing the health check (connected and published).</summary>
        HealthCheckFailed = 1,

        /// <summary>The trial image failed verification at boot (status in the record).</summary>
        TrialImageInvalid = 2,
    }
}
