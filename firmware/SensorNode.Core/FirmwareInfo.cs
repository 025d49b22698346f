namespace SensorNode.Core
{
    /// <summary>Identity of this firmware build, reported in health, discovery and provisioning.</summary>
    public static class FirmwareInfo
    {
        /// <summary>Semantic version of the application.</summary>
        public const string Version = "0.1.0";

        /// <summary>Model name shown in Home Assistant's device registry.</summary>
        public const string Model = "SensorNode ESP32";

        /// <summary>Manufacturer shown in Home Assistant's device registry.</summary>
        public const string Manufacturer = "SensorNode";
    }
}
