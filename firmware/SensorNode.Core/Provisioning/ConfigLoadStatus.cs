namespace SensorNode.Core.Provisioning
{
    /// <summary>What <see cref="ConfigStore.Load"/> found.</summary>
    public enum ConfigLoadStatus
    {
        /// <summary>No usable configuration: the node must be provisioned.</summary>
        Unprovisioned = 0,
        /// <summary>The current configuration (config.bin) was loaded.</summary>
        Loaded = 1,
        /// <summary>config.bin was absent or bad; the previous good one (config.bak) was loaded.</summary>
        LoadedBackup = 2,
    }
}
