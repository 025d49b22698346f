namespace SensorNode.Core.Ota
{
    /// <summary>Reason texts of <see cref="ImageStatus"/> as published on MQTT and printed by the CLI (docs/spec/ota-image.md §6).</summary>
    public static class ImageStatusText
    {
        private static readonly string[] Names =
        {
            "ok", "truncated", "bad_magic", "unsupported_format_version", "header_field_out_of_range",
            "trailing_bytes", "hash_mismatch", "signature_invalid", "manifest_invalid", "wrong_board",
            "incompatible_firmware", "downgrade", "read_failed",
        };

        /// <summary>The snake_case reason text, or "unknown".</summary>
        public static string Of(ImageStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }
    }
}
