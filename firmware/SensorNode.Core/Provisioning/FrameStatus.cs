namespace SensorNode.Core.Provisioning
{
    /// <summary>Result of feeding the frame decoder (docs/spec/provisioning.md §2.4). Persisted in tests: never renumber.</summary>
    public enum FrameStatus
    {
        /// <summary>No complete frame yet.</summary>
        NeedMore = 0,

        /// <summary>A frame with a good CRC is in <see cref="FrameDecoder.Buffer"/>.</summary>
        Ready = 1,

        /// <summary>A delimiter ended a frame whose CRC-32 did not match; dropped.</summary>
        BadCrc = 2,

        /// <summary>The frame grew past the maximum decoded size; bytes are skipped to the next delimiter.</summary>
        TooLong = 3,

        /// <summary>The COBS encoding was broken (a delimiter inside a code block); dropped.</summary>
        BadEncoding = 4,

        /// <summary>The frame is shorter than its CRC; dropped.</summary>
        TooShort = 5,

        /// <summary>A partial frame was dropped because the inter-byte timeout elapsed.</summary>
        TimedOut = 6,
    }
}
