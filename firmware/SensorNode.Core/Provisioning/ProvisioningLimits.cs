namespace SensorNode.Core.Provisioning
{
    /// <summary>Sizes and times of the provisioning protocol (docs/spec/provisioning.md §2.3). On the wire: never change without a protocol version.</summary>
    public static class ProvisioningLimits
    {
        /// <summary>Protocol version carried in every message header.</summary>
        public const byte ProtocolVersion = 1;

        /// <summary>Largest message (header + body) inside one frame, in bytes.</summary>
        public const int MaxMessageBytes = 512;

        /// <summary>Bytes of the CRC-32 trailer of a frame.</summary>
        public const int CrcBytes = 4;

        /// <summary>Largest decoded frame (message + CRC), in bytes.</summary>
        public const int MaxFrameBytes = MaxMessageBytes + CrcBytes;

        /// <summary>Largest encoded frame on the wire: leading delimiter + COBS(516 bytes) + trailing delimiter.</summary>
        public const int MaxEncodedBytes = 1 + MaxFrameBytes + (MaxFrameBytes / 254) + 1 + 1;

        /// <summary>A partial frame is dropped when no byte arrives for this long, in milliseconds.</summary>
        public const int InterByteTimeoutMilliseconds = 500;

        /// <summary>Largest data part of one put-file chunk, in bytes.</summary>
        public const int MaxChunkBytes = 448;

        /// <summary>Largest file (certificate, key, public key) accepted, in bytes.</summary>
        public const int MaxFileBytes = 8192;

        /// <summary>Largest UTF-8 string value of a configuration field, in bytes.</summary>
        public const int MaxStringBytes = 64;
    }
}
