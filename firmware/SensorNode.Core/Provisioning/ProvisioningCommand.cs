namespace SensorNode.Core.Provisioning
{
    /// <summary>Request types (docs/spec/provisioning.md §4); a response carries the request type | 0x80. On the wire: never renumber.</summary>
    public enum ProvisioningCommand : byte
    {
        /// <summary>Protocol handshake: versions and limits.</summary>
        Hello = 0x01,

        /// <summary>Node id, firmware version, hardware profile, provisioned flag, config version.</summary>
        Info = 0x02,

        /// <summary>Stages configuration fields (TLV list).</summary>
        SetConfig = 0x03,

        /// <summary>Starts a file transfer: kind, length, CRC-32.</summary>
        FileBegin = 0x04,

        /// <summary>One chunk of the file being transferred.</summary>
        FileChunk = 0x05,

        /// <summary>Ends a file transfer; the node checks length and CRC.</summary>
        FileEnd = 0x06,

        /// <summary>Validates the staged configuration as a whole.</summary>
        Validate = 0x07,

        /// <summary>Validates and atomically persists the staged configuration and files.</summary>
        Commit = 0x08,

        /// <summary>Reads the committed configuration; secrets only as set / not set.</summary>
        GetConfig = 0x09,

        /// <summary>Reboots the node after the response is sent.</summary>
        Reboot = 0x0A,

        /// <summary>Erases the configuration and files; the node is unprovisioned afterwards.</summary>
        FactoryReset = 0x0B,

        /// <summary>Drops everything staged since the last commit (fields and files); the committed configuration stays.</summary>
        DiscardStaged = 0x0C,

        /// <summary>Stages the removal of the committed file of one kind (and drops a staged upload of it); takes effect at commit.</summary>
        RemoveFile = 0x0D,
    }
}
