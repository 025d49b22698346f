namespace SensorNode.Core.Ota
{
    /// <summary>NUL-padded ASCII text fields of the OTA formats (docs/spec/ota-image.md: first NUL ends the text, the rest is NUL).</summary>
    public static class AsciiField
    {
        /// <summary>Character classes allowed in a field.</summary>
        public const int Board = 0;

        /// <summary>Assembly and file names: [A-Za-z0-9._-].</summary>
        public const int Name = 1;

        /// <summary>Type names: [A-Za-z0-9._+].</summary>
        public const int TypeName = 2;

        /// <summary>Length of the text in a field of <paramref name="size"/> bytes, or -1 when it is empty, unterminated, badly padded or has a character outside <paramref name="charset"/>.</summary>
        public static int Validate(byte[] b, int offset, int size, int charset)
        {
            int length = 0;
            while (length < size && b[offset + length] != 0)
            {
                if (!Allowed(b[offset + length], charset))
                {
                    return -1;
                }

                length++;
            }

            if (length == 0 || length == size)
            {
                return -1;
            }

            for (int i = length; i < size; i++)
            {
                if (b[offset + i] != 0)
                {
                    return -1;
                }
            }

            return length;
        }

        /// <summary>The text of a field already validated to <paramref name="length"/> characters.</summary>
        public static string Read(byte[] b, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)b[offset + i];
            }

            return new string(chars);
        }

        /// <summary>Writes <paramref name="text"/> NUL-padded into <paramref name="size"/> bytes; false when it does not fit or has disallowed characters.</summary>
        public static bool Write(string text, byte[] b, int offset, int size, int charset)
        {
            if (text == null || text.Length == 0 || text.Length >= size)
            {
                return false;
            }

            for (int i = 0; i < size; i++)
            {
                if (i < text.Length)
                {
                    char c = text[i];
                    if (c > 127 || !Allowed((byte)c, charset))
                    {
                        return false;
                    }

                    b[offset + i] = (byte)c;
                }
                else
                {
                    b[offset + i] = 0;
                }
            }

            return true;
        }

        /// <summary>True when the field holds exactly <paramref name="text"/>.</summary>
        public static bool Equals(byte[] b, int offset, int size, string text)
        {
            if (text == null || text.Length >= size)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (b[offset + i] != text[i])
                {
                    return false;
                }
            }

            return b[offset + text.Length] == 0;
        }

        private static bool Allowed(byte c, int charset)
        {
            bool lower = c >= 'a' && c <= 'z';
            bool digit = c >= '0' && c <= '9';
            if (charset == Board)
            {
                return lower || digit || c == '.' || c == '_' || c == '-';
            }

            bool upper = c >= 'A' && c <= 'Z';
            if (charset == Name)
            {
                return lower || upper || digit || c == '.' || c == '_' || c == '-';
            }

            return lower || upper || digit || c == '.' || c == '_' || c == '+';
        }
    }
}
