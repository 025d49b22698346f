namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Writes ASCII/UTF-8 text and little-endian integers into a caller-owned buffer without allocating.
    /// When the buffer is too small the writer keeps counting: <see cref="Overflowed"/> turns true and
    /// <see cref="Length"/> reports how many bytes the whole output needed.
    /// </summary>
    public sealed class ByteWriter
    {
        private byte[] _buffer;
        private int _start;
        private int _end;
        private int _position;

        /// <summary>Bytes written (or, after an overflow, needed) since <see cref="Reset"/>.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>True when some output did not fit.</summary>
        public bool Overflowed
        {
            get { return _position > _end; }
        }

        /// <summary>Starts writing at <paramref name="offset"/>, using at most <paramref name="count"/> bytes.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _start = offset;
            _end = offset + count;
            _position = offset;
        }

        /// <summary>Writes one byte.</summary>
        public void Byte(int value)
        {
            if (_position < _end)
            {
                _buffer[_position] = (byte)value;
            }

            _position++;
        }

        /// <summary>Writes bytes from an array.</summary>
        public void Bytes(byte[] source, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Byte(source[offset + i]);
            }
        }

        /// <summary>Writes a string as UTF-8 (no escaping).</summary>
        public void Text(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Char(text[i]);
            }
        }

        /// <summary>Writes one UTF-16 code unit as UTF-8; unpaired surrogates become '?'.</summary>
        public void Char(char c)
        {
            if (c < 0x80)
            {
                Byte(c);
            }
            else if (c < 0x800)
            {
                Byte(0xC0 | (c >> 6));
                Byte(0x80 | (c & 0x3F));
            }
            else if (c >= 0xD800 && c <= 0xDFFF)
            {
                Byte('?');
            }
            else
            {
                Byte(0xE0 | (c >> 12));
                Byte(0x80 | ((c >> 6) & 0x3F));
                Byte(0x80 | (c & 0x3F));
            }
        }

        /// <summary>Writes a JSON string literal with quotes, escaping '"', '\', control characters and surrogates.</summary>
        public void JsonString(string text)
        {
            Byte('"');
            for (int i = 0; i < text.Length; i++)
            {
                JsonChar(text[i]);
            }

            Byte('"');
        }

        /// <summary>Writes <paramref name="count"/> UTF-16 code units as a JSON string literal, escaped as <see cref="JsonString(string)"/>.</summary>
        public void JsonString(char[] chars, int count)
        {
            Byte('"');
            for (int i = 0; i < count; i++)
            {
                JsonChar(chars[i]);
            }

            Byte('"');
        }

        private void JsonChar(char c)
        {
            if (c == '"' || c == '\\')
            {
                Byte('\\');
                Byte(c);
            }
            else if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF))
            {
                // Control characters and surrogates (a decoded "\ud83d\ude00" goes back as it came) as \uXXXX.
                Text("\\u");
                Byte(HexDigit(c >> 12));
                Byte(HexDigit((c >> 8) & 0xF));
                Byte(HexDigit((c >> 4) & 0xF));
                Byte(HexDigit(c & 0xF));
            }
            else
            {
                Char(c);
            }
        }

        /// <summary>Writes a signed integer in decimal.</summary>
        public void Integer(long value)
        {
            Decimal(value, 0);
        }

        /// <summary>
        /// Writes value / 10^decimals in decimal with exactly <paramref name="decimals"/> digits after
        /// the point (0..9), e.g. (2150, 2) → "21.50", (-5, 3) → "-0.005".
        /// </summary>
        public void Decimal(long scaled, int decimals)
        {
            ulong magnitude;
            if (scaled < 0)
            {
                Byte('-');
                magnitude = (ulong)(-(scaled + 1)) + 1;
            }
            else
            {
                magnitude = (ulong)scaled;
            }

            // 20 digits hold any ulong; digits are produced least significant first.
            int digits = 0;
            ulong rest = magnitude;
            do
            {
                digits++;
                rest /= 10;
            }
            while (rest != 0);
            if (digits <= decimals)
            {
                digits = decimals + 1;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                ulong divisor = 1;
                for (int k = 0; k < i; k++)
                {
                    divisor *= 10;
                }

                Byte('0' + (int)((magnitude / divisor) % 10));
                if (i == decimals && decimals > 0)
                {
                    Byte('.');
                }
            }
        }

        /// <summary>Writes a 16-bit unsigned value, little-endian.</summary>
        public void UInt16(int value)
        {
            Byte(value);
            Byte(value >> 8);
        }

        /// <summary>Writes a 24-bit unsigned value, little-endian.</summary>
        public void UInt24(int value)
        {
            Byte(value);
            Byte(value >> 8);
            Byte(value >> 16);
        }

        /// <summary>Writes a 32-bit value, little-endian.</summary>
        public void UInt32(uint value)
        {
            Byte((int)(value & 0xFF));
            Byte((int)((value >> 8) & 0xFF));
            Byte((int)((value >> 16) & 0xFF));
            Byte((int)(value >> 24));
        }

        /// <summary>Writes a 64-bit value, little-endian.</summary>
        public void Int64(long value)
        {
            UInt32((uint)(value & 0xFFFFFFFF));
            UInt32((uint)((value >> 32) & 0xFFFFFFFF));
        }

        private static int HexDigit(int nibble)
        {
            return nibble < 10 ? '0' + nibble : 'a' + nibble - 10;
        }
    }
}
