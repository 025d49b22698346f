namespace SensorNode.Core.Ota
{
    /// <summary>What the loader did at this boot (reported on the console; the app reports OTA events itself).</summary>
    public enum LoaderOutcome
    {
        /// <summary>The application started and its Main returned.</summary>
        Started = 0,

        /// <summary>No slot holds a verified image.</summary>
        NoBootableImage = 1,

        /// <summary>The chosen image needs another board or other native assemblies than this firmware has.</summary>
        IncompatibleFirmware = 2,

        /// <summary>The chosen image's header or manifest is unreadable.</summary>
        ImageUnreadable = 3,

        /// <summary>The application could not be started (see <see cref="Ports.AppStartStatus"/>).</summary>
        StartFailed = 4,
    }
}
