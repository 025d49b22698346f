namespace SensorNode.Core.Sensors
{
    /// <summary>Result of restoring the filters from `filters.bin` (docs/spec/signal-chain.md §8), in validation order.</summary>
    public enum FilterStateStatus
    {
        /// <summary>Restored.</summary>
        Ok = 0,

        /// <summary>No file (a fresh node): the filters start empty.</summary>
        Missing = 1,

        /// <summary>Shorter than its header, longer than any state, or not the length its counts say.</summary>
        BadLength = 2,

        /// <summary>Not "SNFS".</summary>
        BadMagic = 3,

        /// <summary>A version this firmware does not know.</summary>
        UnsupportedVersion = 4,

        /// <summary>The CRC-32 does not match.</summary>
        BadCrc = 5,

        /// <summary>Saved for other channels or windows (the configuration changed): the filters start empty.</summary>
        WindowsChanged = 6,

        /// <summary>A channel claims more values than its window holds.</summary>
        BadCount = 7,
    }
}
