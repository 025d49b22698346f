namespace SensorNode.Core.Provisioning
{
    /// <summary>What a node says about itself in info before and after provisioning.</summary>
    public sealed class DeviceIdentity
    {
        /// <summary>Creates an identity.</summary>
        public DeviceIdentity(string defaultNodeId, string hardwareProfile, string firmwareVersion)
        {
            DefaultNodeId = defaultNodeId;
            HardwareProfile = hardwareProfile;
            FirmwareVersion = firmwareVersion;
        }

        /// <summary>Node id reported while unprovisioned (e.g. derived from the MAC address).</summary>
        public string DefaultNodeId { get; private set; }

        /// <summary>Hardware profile the firmware runs on (hardware/boards/&lt;profile&gt;).</summary>
        public string HardwareProfile { get; private set; }

        /// <summary>Firmware version.</summary>
        public string FirmwareVersion { get; private set; }
    }
}
