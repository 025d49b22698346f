namespace SensorNode.Core.Provisioning
{
    /// <summary>Result of decoding a config blob, equal to the error table of docs/spec/config-blob.md §5. Never renumber.</summary>
    public enum BlobStatus
    {
        /// <summary>The blob is good.</summary>
        Ok = 0,
        /// <summary>Absent, or shorter than header + CRC.</summary>
        TooShort = 1,
        /// <summary>Not "SNCF".</summary>
        BadMagic = 2,
        /// <summary>Format version other than 1.</summary>
        UnsupportedVersion = 3,
        /// <summary>Payload length disagrees with the blob's length.</summary>
        BadLength = 4,
        /// <summary>CRC-32 mismatch.</summary>
        BadCrc = 5,
        /// <summary>A record overruns the payload, or a value is badly encoded.</summary>
        BadRecord = 6,
        /// <summary>Decoded, but the configuration fails validation.</summary>
        InvalidConfig = 7,
        /// <summary>A referenced file is missing or its length or CRC-32 differs.</summary>
        FileMismatch = 8,
    }
}
