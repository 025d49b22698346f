namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Never-throwing RFC 4648 base64 decoder (standard alphabet, '=' padding) for PEM bodies. Whitespace
    /// (space, tab, CR, LF) is skipped; any other byte outside the alphabet, padding anywhere but the end,
    /// or a count of symbols that is not a multiple of four is an error.
    /// </summary>
    public static class Base64
    {
        /// <summary>Upper bound of the decoded length of <paramref name="count"/> text bytes.</summary>
        public static int MaxDecodedLength(int count)
        {
            return (count / 4 + 1) * 3;
        }

        /// <summary>
        /// Decodes text[offset, offset + count) into <paramref name="output"/> (at least
        /// <see cref="MaxDecodedLength"/> bytes); returns the decoded length, or -1 on bad input.
        /// </summary>
        public static int Decode(byte[] text, int offset, int count, byte[] output)
        {
            int written = 0;
            int group = 0;
            int symbols = 0;
            int padding = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                int c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    continue;
                }

                int v;
                if (c == '=')
                {
                    // Padding only completes the last group: "xx==" or "xxx=".
                    if (symbols % 4 < 2)
                    {
                        return -1;
                    }

                    padding++;
                    v = 0;
                }
                else
                {
                    v = ValueOf(c);
                    if (v < 0 || padding > 0)
                    {
                        return -1;
                    }
                }

                group = (group << 6) | v;
                symbols++;
                if (symbols % 4 == 0)
                {
                    if (written + 3 > output.Length)
                    {
                        return -1;
                    }

                    output[written] = (byte)(group >> 16);
                    output[written + 1] = (byte)(group >> 8);
                    output[written + 2] = (byte)group;
                    written += 3 - padding;
                    group = 0;
                    if (padding > 0 && i + 1 < end && !OnlyWhitespace(text, i + 1, end))
                    {
                        return -1;
                    }
                }
            }

            return symbols % 4 == 0 ? written : -1;
        }

        private static bool OnlyWhitespace(byte[] text, int from, int end)
        {
            for (int i = from; i < end; i++)
            {
                byte c = text[i];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                {
                    return false;
                }
            }

            return true;
        }

        private static int ValueOf(int c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '+' ? 62 : c == '/' ? 63 : -1;
        }
    }
}
