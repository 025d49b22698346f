namespace SensorNode.Core.Provisioning
{
    /// <summary>UTF-8 by hand (mscorlib has no Encoding): strict decoding, encoding into caller buffers.</summary>
    public static class Utf8
    {
        /// <summary>Number of UTF-8 bytes of the text.</summary>
        public static int ByteCount(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80) { n += 1; }
                else if (c < 0x800) { n += 2; }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) { n += 4; i++; }
                else { n += 3; }
            }

            return n;
        }

        /// <summary>Encodes text at b[at..limit); returns the position after it, or -1 when it does not fit.</summary>
        public static int Encode(string text, byte[] b, int at, int limit)
        {
            for (int i = 0; i < text.Length; i++)
            {
                int cp = text[i];
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                }

                int need = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (at + need > limit)
                {
                    return -1;
                }

                if (need == 1) { b[at++] = (byte)cp; }
                else if (need == 2) { b[at++] = (byte)(0xC0 | (cp >> 6)); b[at++] = (byte)(0x80 | (cp & 0x3F)); }
                else if (need == 3) { b[at++] = (byte)(0xE0 | (cp >> 12)); b[at++] = (byte)(0x80 | ((cp >> 6) & 0x3F)); b[at++] = (byte)(0x80 | (cp & 0x3F)); }
                else { b[at++] = (byte)(0xF0 | (cp >> 18)); b[at++] = (byte)(0x80 | ((cp >> 12) & 0x3F)); b[at++] = (byte)(0x80 | ((cp >> 6) & 0x3F)); b[at++] = (byte)(0x80 | (cp & 0x3F)); }
            }

            return at;
        }

        /// <summary>Decodes strict UTF-8 (no overlongs, surrogates or NUL) into chars; returns the char count, or -1 when invalid or too long for chars.</summary>
        public static int Decode(byte[] b, int offset, int count, char[] chars)
        {
            int n = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int c = b[i++];
                int cp;
                int extra;
                if (c == 0) { return -1; }
                if (c < 0x80) { cp = c; extra = 0; }
                else if (c >= 0xC2 && c <= 0xDF) { cp = c & 0x1F; extra = 1; }
                else if (c >= 0xE0 && c <= 0xEF) { cp = c & 0x0F; extra = 2; }
                else if (c >= 0xF0 && c <= 0xF4) { cp = c & 0x07; extra = 3; }
                else { return -1; }

                if (i + extra > end)
                {
                    return -1;
                }

                for (int k = 0; k < extra; k++)
                {
                    int cc = b[i++];
                    if ((cc & 0xC0) != 0x80)
                    {
                        return -1;
                    }

                    cp = (cp << 6) | (cc & 0x3F);
                }

                if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
                {
                    return -1;
                }

                if (cp >= 0x10000)
                {
                    if (n + 2 > chars.Length)
                    {
                        return -1;
                    }

                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    if (n + 1 > chars.Length)
                    {
                        return -1;
                    }

                    chars[n++] = (char)cp;
                }
            }

            return n;
        }
    }
}
