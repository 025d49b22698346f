namespace SensorNode.Device.Platform
{
    /// <summary>The internal flash drive: LittleFS on the 256 KB config partition of 4 MB ESP32 boards.</summary>
    internal static class DeviceDrive
    {
        /// <summary>Root of the drive, with its trailing separator.</summary>
        public const string Root = "I:\\";
    }
}
