namespace SensorNode.Core.Telemetry
{
    /// <summary>Helpers for the ASCII JSON strings that <see cref="FlatJsonScanner"/> found.</summary>
    public static class JsonText
    {
        /// <summary>Value of a hexadecimal digit, or -1.</summary>
        public static int HexValue(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>True when the raw (unescaped) bytes equal <paramref name="text"/>.</summary>
        public static bool RawEquals(byte[] b, int start, int length, string text)
        {
            if (length != text.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (b[start + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Decoded length of a raw JSON string span that the scanner accepted.</summary>
        public static int DecodedLength(byte[] b, int start, int length)
        {
            int n = 0;
            for (int i = 0; i < length; i++)
            {
                if (b[start + i] == '\\')
                {
                    i += b[start + i + 1] == 'u' ? 5 : 1;
                }

                n++;
            }

            return n;
        }

        /// <summary>Decodes a raw JSON string span into a new string (allocates; commands only).</summary>
        public static string Decode(byte[] b, int start, int length)
        {
            char[] chars = new char[DecodedLength(b, start, length)];
            int n = 0;
            for (int i = 0; i < length; i++)
            {
                char c = (char)b[start + i];
                if (c == '\\')
                {
                    char e = (char)b[start + i + 1];
                    i++;
                    if (e == 'u')
                    {
                        c = (char)((HexValue(b[start + i + 1]) << 12) | (HexValue(b[start + i + 2]) << 8) | (HexValue(b[start + i + 3]) << 4) | HexValue(b[start + i + 4]));
                        i += 4;
                    }
                    else
                    {
                        c = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
                    }
                }

                chars[n++] = c;
            }

            return new string(chars);
        }
    }
}
