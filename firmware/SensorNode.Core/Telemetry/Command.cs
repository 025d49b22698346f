namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// A parsed, validated command (docs/spec/mqtt.md §7.2). One instance is reused; fields that the
    /// command does not use are 0 / null. Every value is already range-checked when the parser returns Ok.
    /// </summary>
    public sealed class Command
    {
        /// <summary>Which command.</summary>
        public CommandKind Kind;

        /// <summary>Longest "id", in UTF-16 code units (docs/spec/mqtt.md §7.2).</summary>
        public const int MaxIdLength = 64;

        /// <summary>The "id" the sender chose, escapes decoded, echoed in the result; null when absent.</summary>
        public string Id;

        /// <summary>
        /// The parsed "id" as UTF-16 code units (<see cref="IdLength"/> of them), which the result echoes: nanoFramework
        /// keeps strings as UTF-8 and its indexer cannot reach the low half of a character outside the BMP, so a
        /// decoded "\ud83d\ude00" would come back wrong from <see cref="Id"/> on the device. Set by the parser.
        /// </summary>
        public readonly char[] IdChars = new char[MaxIdLength];

        /// <summary>Code units in <see cref="IdChars"/>; 0 when the parser set no id.</summary>
        public int IdLength;

        /// <summary>set_interval: seconds between samples, 1..86400.</summary>
        public int IntervalSeconds;

        /// <summary>set_thresholds: anomaly threshold on |z|, thousandths, 1..1000000.</summary>
        public int ZThresholdMilli;

        /// <summary>set_windows: moving-average window, 1..4096, or 0 when unchanged.</summary>
        public int AverageWindow;

        /// <summary>set_windows: z-score window, 1..4096, or 0 when unchanged.</summary>
        public int ZWindow;

        /// <summary>set_windows: crest-factor window, 1..4096, or 0 when unchanged.</summary>
        public int CrestWindow;

        /// <summary>identify: seconds to blink, 1..600.</summary>
        public int IdentifySeconds;

        /// <summary>ota: image URL (http:// or https://).</summary>
        public string OtaUrl;

        /// <summary>ota: version the image claims.</summary>
        public string OtaVersion;

        /// <summary>ota: expected SHA-256 of the image, 32 bytes.</summary>
        public readonly byte[] OtaSha256 = new byte[32];

        /// <summary>On failure, the key the error is about; null otherwise.</summary>
        public string ErrorField;

        /// <summary>
        /// A key the scanner refused (unknown_key, duplicate_key, bad_escape) as UTF-16 code units
        /// (<see cref="ErrorFieldLength"/> of them), which the result echoes instead of <see cref="ErrorField"/> for the
        /// reason given at <see cref="IdChars"/>. A key fits: it is shorter than the longest payload.
        /// </summary>
        public readonly char[] ErrorFieldChars = new char[CommandParser.MaxPayloadBytes];

        /// <summary>Code units in <see cref="ErrorFieldChars"/>; 0 when the field is one of the parser's key names (or none).</summary>
        public int ErrorFieldLength;

        /// <summary>On a handler's refusal, why (snake_case, e.g. "busy"); null otherwise.</summary>
        public string ErrorReason;

        /// <summary>Resets every field.</summary>
        public void Clear()
        {
            Kind = CommandKind.None;
            Id = null;
            IdLength = 0;
            IntervalSeconds = 0;
            ZThresholdMilli = 0;
            AverageWindow = 0;
            ZWindow = 0;
            CrestWindow = 0;
            IdentifySeconds = 0;
            OtaUrl = null;
            OtaVersion = null;
            System.Array.Clear(OtaSha256, 0, OtaSha256.Length);
            ErrorField = null;
            ErrorFieldLength = 0;
            ErrorReason = null;
        }
    }
}
