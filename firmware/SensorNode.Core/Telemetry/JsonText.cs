namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Helpers for the ASCII JSON strings that <see cref="FlatJsonScanner"/> found: every function reads the raw
    /// span between the quotes and decodes JSON escapes (docs/spec/mqtt.md §7.1) as it goes, so keys and values
    /// compare by what they mean, not by how they were spelled. The span must be one the scanner accepted.
    /// </summary>
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

        /// <summary>The four hexadecimal digits at b[at..at+3] as a UTF-16 code unit, or -1.</summary>
        public static int Hex4(byte[] b, int at)
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = HexValue(b[at + i]);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        /// <summary>
        /// The UTF-16 code unit that starts at raw offset <paramref name="i"/>, decoding one escape; advances
        /// <paramref name="i"/> past it. A surrogate pair is two \u escapes, hence two calls.
        /// </summary>
        public static char Next(byte[] b, ref int i)
        {
            char c = (char)b[i];
            if (c != '\\')
            {
                i++;
                return c;
            }

            char e = (char)b[i + 1];
            if (e == 'u')
            {
                c = (char)Hex4(b, i + 2);
                i += 6;
                return c;
            }

            i += 2;
            return e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        }

        /// <summary>Decoded length, in UTF-16 code units, of a raw JSON string span.</summary>
        public static int DecodedLength(byte[] b, int start, int length)
        {
            int n = 0;
            int i = start;
            int end = start + length;
            while (i < end)
            {
                Next(b, ref i);
                n++;
            }

            return n;
        }

        /// <summary>True when the decoded span equals <paramref name="text"/>; allocates nothing.</summary>
        public static bool DecodedEquals(byte[] b, int start, int length, string text)
        {
            int i = start;
            int end = start + length;
            int k = 0;
            while (i < end)
            {
                if (k >= text.Length || Next(b, ref i) != text[k])
                {
                    return false;
                }

                k++;
            }

            return k == text.Length;
        }

        /// <summary>True when every decoded code unit is printable ASCII other than space ('!'..'~'); allocates nothing.</summary>
        public static bool IsVisibleAscii(byte[] b, int start, int length)
        {
            int i = start;
            int end = start + length;
            while (i < end)
            {
                char c = Next(b, ref i);
                if (c <= ' ' || c > '~')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Decodes a raw JSON string span into <paramref name="into"/> (large enough: see <see cref="DecodedLength"/>); returns the count.</summary>
        public static int DecodeInto(byte[] b, int start, int length, char[] into)
        {
            int i = start;
            int end = start + length;
            int n = 0;
            while (i < end)
            {
                into[n++] = Next(b, ref i);
            }

            return n;
        }

        /// <summary>Decodes a raw JSON string span into a new string (allocates; commands only).</summary>
        public static string Decode(byte[] b, int start, int length)
        {
            char[] chars = new char[DecodedLength(b, start, length)];
            DecodeInto(b, start, length, chars);
            return new string(chars);
        }
    }
}
