namespace SensorNode.Core.Ports
{
    /// <summary>Result of <see cref="IApplicationLoader.Start"/>.</summary>
    public enum AppStartStatus
    {
        /// <summary>The entry point ran (and returned).</summary>
        Ran = 0,

        /// <summary>The runtime refused an assembly (typically a .pe built for other native assemblies).</summary>
        AssemblyRejected = 1,

        /// <summary>The entry type or its static Main() was not found.</summary>
        EntryPointMissing = 2,

        /// <summary>Storage returned fewer bytes than the manifest promised.</summary>
        ReadFailed = 3,

        /// <summary>The entry point threw.</summary>
        EntryPointFailed = 4,
    }
}
