namespace SensorNode.Core.Provisioning
{
    /// <summary>How a configuration field is encoded (docs/spec/provisioning.md §4.3).</summary>
    public enum FieldKind
    {
        /// <summary>Unknown id.</summary>
        None = 0,
        /// <summary>UTF-8 text, 0..64 bytes.</summary>
        Text = 1,
        /// <summary>Signed 32-bit little-endian integer (4 bytes).</summary>
        Integer = 2,
        /// <summary>One byte, 0 or 1.</summary>
        Boolean = 3,
        /// <summary>A file provisioned with put-file; its value is a store file name.</summary>
        File = 4,
    }
}
