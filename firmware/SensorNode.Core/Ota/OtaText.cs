using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>Checks of the ota command's strings (docs/spec/mqtt.md §7.2).</summary>
    public static class OtaText
    {
        /// <summary>Longest accepted URL, characters.</summary>
        public const int MaxUrlLength = 256;

        /// <summary>True for "http://" or "https://" followed by 1+ characters, no spaces, at most 256 characters.</summary>
        public static bool IsUrl(string url)
        {
            int scheme;
            if (StartsWith(url, "https://"))
            {
                scheme = 8;
            }
            else if (StartsWith(url, "http://"))
            {
                scheme = 7;
            }
            else
            {
                return false;
            }

            if (url.Length <= scheme || url.Length > MaxUrlLength || url[scheme] == '/')
            {
                return false;
            }

            for (int i = 0; i < url.Length; i++)
            {
                if (url[i] <= ' ' || url[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True for 1..32 characters of [0-9A-Za-z.+-].</summary>
        public static bool IsVersion(string version)
        {
            if (version.Length < 1 || version.Length > 32)
            {
                return false;
            }

            for (int i = 0; i < version.Length; i++)
            {
                char c = version[i];
                bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Parses a raw JSON string span that decodes to exactly 64 hex digits (either case) into 32 bytes.</summary>
        public static bool TryParseSha256(byte[] b, int start, int length, byte[] into)
        {
            if (JsonText.DecodedLength(b, start, length) != 64)
            {
                return false;
            }

            int at = start;
            for (int i = 0; i < 32; i++)
            {
                int hi = JsonText.HexValue(JsonText.Next(b, ref at));
                int lo = JsonText.HexValue(JsonText.Next(b, ref at));
                if (hi < 0 || lo < 0)
                {
                    return false;
                }

                into[i] = (byte)((hi << 4) | lo);
            }

            return true;
        }

        private static bool StartsWith(string text, string prefix)
        {
            if (text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
