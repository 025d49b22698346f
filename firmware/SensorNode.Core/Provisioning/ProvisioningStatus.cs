namespace SensorNode.Core.Provisioning
{
    /// <summary>Response status codes, equal to the error table of docs/spec/provisioning.md §5. On the wire: never renumber.</summary>
    public enum ProvisioningStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>The message's protocol version is not 1.</summary>
        UnsupportedVersion = 1,

        /// <summary>The request type is not known.</summary>
        UnknownCommand = 2,

        /// <summary>The body is too short, too long or badly formed.</summary>
        Malformed = 3,

        /// <summary>A set-config field id is not known (or not settable).</summary>
        UnknownField = 4,

        /// <summary>A field value is out of range or badly formed.</summary>
        InvalidValue = 5,

        /// <summary>A required field or file is missing.</summary>
        MissingValue = 6,

        /// <summary>Fields contradict each other.</summary>
        Inconsistent = 7,

        /// <summary>The file kind is not known.</summary>
        UnknownFileKind = 8,

        /// <summary>The file is longer than the node accepts.</summary>
        FileTooLarge = 9,

        /// <summary>A chunk's offset is not the next expected one; the body carries the expected offset.</summary>
        BadOffset = 10,

        /// <summary>The received file's length or CRC-32 differs from the announced one.</summary>
        FileCrcMismatch = 11,

        /// <summary>A chunk or file-end arrived without a matching file-begin.</summary>
        NoTransfer = 12,

        /// <summary>Reading or writing the node's storage failed.</summary>
        StorageError = 13,

        /// <summary>The node has no committed configuration.</summary>
        NotProvisioned = 14,
    }
}
