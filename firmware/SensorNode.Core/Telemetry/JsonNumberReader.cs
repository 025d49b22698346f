namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Reads one JSON number (RFC 8259 grammar) at a position, in thousandths, without allocating
    /// (docs/spec/mqtt.md §7.3). Exponents are recognised and reported as <see cref="JsonValueType.ExponentNumber"/>.
    /// </summary>
    public static class JsonNumberReader
    {
        /// <summary>
        /// Reads the number at <paramref name="position"/> (advanced past it); false on bad grammar (leading
        /// zero, missing digits). Magnitudes of 10^12 or more, or non-zero digits past the third decimal,
        /// clear <paramref name="representable"/>.
        /// </summary>
        public static bool TryRead(byte[] buffer, ref int position, int end, out JsonValueType type, out long milli, out bool whole, out bool representable)
        {
            type = JsonValueType.Number;
            milli = 0;
            whole = true;
            representable = true;
            bool negative = false;
            if (position < end && buffer[position] == '-')
            {
                negative = true;
                position++;
            }

            int digits = 0;
            bool leadingZero = position < end && buffer[position] == '0';
            while (position < end && Digit(buffer[position]))
            {
                if (milli >= 1000000000000000L)
                {
                    representable = false;
                }
                else
                {
                    milli = (milli * 10) + (buffer[position] - '0');
                }

                digits++;
                position++;
            }

            if (digits == 0 || (leadingZero && digits > 1))
            {
                return false;
            }

            milli *= 1000;
            if (position < end && buffer[position] == '.')
            {
                position++;
                int fraction = 0;
                long scale = 100;
                while (position < end && Digit(buffer[position]))
                {
                    int d = buffer[position] - '0';
                    if (scale > 0)
                    {
                        milli += d * scale;
                        scale /= 10;
                    }
                    else if (d != 0)
                    {
                        representable = false;
                    }

                    whole &= d == 0;
                    fraction++;
                    position++;
                }

                if (fraction == 0)
                {
                    return false;
                }
            }

            if (position < end && (buffer[position] == 'e' || buffer[position] == 'E'))
            {
                position++;
                if (position < end && (buffer[position] == '+' || buffer[position] == '-'))
                {
                    position++;
                }

                int exponentDigits = 0;
                while (position < end && Digit(buffer[position]))
                {
                    exponentDigits++;
                    position++;
                }

                if (exponentDigits == 0)
                {
                    return false;
                }

                type = JsonValueType.ExponentNumber;
            }

            if (milli >= 1000000000000000L)
            {
                representable = false;
            }

            milli = negative ? -milli : milli;
            return true;
        }

        private static bool Digit(byte c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
