namespace SensorNode.Core.Telemetry
{
    /// <summary>Outcome of encoding or decoding a telemetry batch (docs/spec/mqtt.md §5.4). Never renumber.</summary>
    public enum BatchStatus
    {
        /// <summary>Encoded or decoded.</summary>
        Ok = 0,

        /// <summary>Encode: the buffer cannot hold the batch.</summary>
        BufferTooSmall = 1,

        /// <summary>Encode: count is 0 or above 255. Decode: the count byte is 0.</summary>
        BadCount = 2,

        /// <summary>Decode: fewer bytes than the 12-byte header.</summary>
        TooShort = 3,

        /// <summary>Decode: the format version is not 1.</summary>
        BadVersion = 4,

        /// <summary>Decode: the reading size is not 22.</summary>
        BadReadingSize = 5,

        /// <summary>Decode: the length is not 12 + 22 × count.</summary>
        LengthMismatch = 6,

        /// <summary>Encode: timestamps span 2^32 - 1 ms or more.</summary>
        TimeSpanTooLarge = 7,

        /// <summary>Decode: a channel status is not a defined ReadingStatus (6 or 7).</summary>
        BadStatus = 8,

        /// <summary>Decode: anomaly mask bits above bit 4 are set, or status bit 15 is set.</summary>
        ReservedBitsSet = 9,

        /// <summary>Decode: a timestamp offset is present but the base time is 0.</summary>
        BadTimestamp = 10,
    }
}
