namespace SensorNode.Core.Ota
{
    /// <summary>Reason texts of <see cref="PublicKeyStatus"/> (docs/spec/ota-image.md §8.4).</summary>
    public static class PublicKeyStatusText
    {
        private static readonly string[] Names =
        {
            "ok", "bad_length", "not_pem", "wrong_label", "missing_end", "bad_base64", "bad_der", "not_rsa",
            "wrong_exponent", "wrong_modulus_size",
        };

        /// <summary>The snake_case reason text, or "unknown".</summary>
        public static string Of(PublicKeyStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }
    }
}
