namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Scans one flat JSON object (string, number, boolean and null values; ASCII only) and records, for
    /// each key of a fixed key table, where its value is. No recursion, no allocation on success, never
    /// throws on bad input. Numbers are kept in thousandths (docs/spec/mqtt.md §7.3).
    /// </summary>
    public sealed class FlatJsonScanner
    {
        private readonly string[] _keys;
        private readonly bool[] _seen;
        private byte[] _b;
        private int _p;
        private int _end;

        /// <summary>Type of each key's value.</summary>
        public readonly JsonValueType[] Types;

        /// <summary>String values: offset of the first byte after the opening quote.</summary>
        public readonly int[] Starts;

        /// <summary>String values: raw byte length between the quotes.</summary>
        public readonly int[] Lengths;

        /// <summary>Number values in thousandths; booleans as 1 / 0.</summary>
        public readonly long[] Milli;

        /// <summary>Number values: true when the number is whole and fits in thousandths within ±10^12.</summary>
        public readonly bool[] Whole;

        /// <summary>Number values: false when the magnitude reaches 10^12 or it has non-zero digits past the third decimal.</summary>
        public readonly bool[] Representable;

        /// <summary>After an UnknownKey, DuplicateKey or BadEscape: offset of the offending key (keys match after decoding escapes).</summary>
        public int BadKeyStart;

        /// <summary>Length of the offending key; -1 when no key can be named (a bad escape inside the key itself).</summary>
        public int BadKeyLength;

        /// <summary>Creates a scanner for a key table.</summary>
        public FlatJsonScanner(string[] keys)
        {
            _keys = keys;
            Types = new JsonValueType[keys.Length];
            Starts = new int[keys.Length];
            Lengths = new int[keys.Length];
            Milli = new long[keys.Length];
            Whole = new bool[keys.Length];
            Representable = new bool[keys.Length];
            _seen = new bool[keys.Length];
        }

        /// <summary>Scans a payload; returns Ok, Malformed, NotAnObject, NestedValue, DuplicateKey, UnknownKey or BadEscape.</summary>
        public CommandStatus Scan(byte[] buffer, int offset, int count)
        {
            _b = buffer;
            _p = offset;
            _end = offset + count;
            for (int i = 0; i < _keys.Length; i++)
            {
                Types[i] = JsonValueType.Absent;
                _seen[i] = false;
            }

            SkipSpace();
            if (_p >= _end)
            {
                return CommandStatus.Malformed;
            }

            if (_b[_p] != '{')
            {
                return StartsValue(_b[_p]) ? CommandStatus.NotAnObject : CommandStatus.Malformed;
            }

            _p++;
            SkipSpace();
            if (_p < _end && _b[_p] == '}')
            {
                _p++;
                return Trailer();
            }

            while (true)
            {
                SkipSpace();
                int keyStart;
                int keyLength;
                CommandStatus key = String(out keyStart, out keyLength);
                if (key != CommandStatus.Ok)
                {
                    // A bad escape in a key names no field: the key itself cannot be read.
                    BadKeyLength = -1;
                    return key;
                }

                SkipSpace();
                if (_p >= _end || _b[_p] != ':')
                {
                    return CommandStatus.Malformed;
                }

                _p++;
                SkipSpace();
                int slot = FindKey(keyStart, keyLength);
                CommandStatus value = Value(slot);
                if (value != CommandStatus.Ok)
                {
                    BadKeyStart = keyStart;
                    BadKeyLength = value == CommandStatus.BadEscape ? keyLength : -1;
                    return value;
                }

                if (slot < 0 || _seen[slot])
                {
                    BadKeyStart = keyStart;
                    BadKeyLength = keyLength;
                    return slot < 0 ? CommandStatus.UnknownKey : CommandStatus.DuplicateKey;
                }

                _seen[slot] = true;
                SkipSpace();
                if (_p >= _end)
                {
                    return CommandStatus.Malformed;
                }

                if (_b[_p] == ',')
                {
                    _p++;
                    continue;
                }

                if (_b[_p] != '}')
                {
                    return CommandStatus.Malformed;
                }

                _p++;
                return Trailer();
            }
        }

        private CommandStatus Trailer()
        {
            SkipSpace();
            return _p == _end ? CommandStatus.Ok : CommandStatus.Malformed;
        }

        // Parses the value at _p into slot (or just skips it when slot < 0).
        private CommandStatus Value(int slot)
        {
            if (_p >= _end)
            {
                return CommandStatus.Malformed;
            }

            byte c = _b[_p];
            if (c == '{' || c == '[')
            {
                return CommandStatus.NestedValue;
            }

            JsonValueType type;
            int start = 0;
            int length = 0;
            long milli = 0;
            bool whole = true;
            bool representable = true;
            if (c == '"')
            {
                CommandStatus text = String(out start, out length);
                if (text != CommandStatus.Ok)
                {
                    return text;
                }

                type = JsonValueType.String;
            }
            else if (Literal("true"))
            {
                type = JsonValueType.Boolean;
                milli = 1;
            }
            else if (Literal("false"))
            {
                type = JsonValueType.Boolean;
            }
            else if (Literal("null"))
            {
                type = JsonValueType.Null;
            }
            else if (!JsonNumberReader.TryRead(_b, ref _p, _end, out type, out milli, out whole, out representable))
            {
                return CommandStatus.Malformed;
            }

            if (slot >= 0 && !_seen[slot])
            {
                Types[slot] = type;
                Starts[slot] = start;
                Lengths[slot] = length;
                Milli[slot] = milli;
                Whole[slot] = whole;
                Representable[slot] = representable;
            }

            return CommandStatus.Ok;
        }

        // A string of printable ASCII with JSON escapes; records the raw span between the quotes. Malformed when it
        // is cut short or holds a byte outside printable ASCII; BadEscape for an escape that RFC 8259 §7 does not
        // define, \u without four hex digits, or a surrogate that is not part of a high-low pair.
        private CommandStatus String(out int start, out int length)
        {
            start = 0;
            length = 0;
            if (_p >= _end || _b[_p] != '"')
            {
                return CommandStatus.Malformed;
            }

            _p++;
            start = _p;
            while (_p < _end)
            {
                byte c = _b[_p];
                if (c == '"')
                {
                    length = _p - start;
                    _p++;
                    return CommandStatus.Ok;
                }

                if (c < 0x20 || c > 0x7E)
                {
                    return CommandStatus.Malformed;
                }

                if (c == '\\')
                {
                    CommandStatus escape = Escape();
                    if (escape != CommandStatus.Ok)
                    {
                        return escape;
                    }
                }
                else
                {
                    _p++;
                }
            }

            return CommandStatus.Malformed;
        }

        // One escape at _p (the backslash); on success _p is past it. A high surrogate takes its low half with it.
        private CommandStatus Escape()
        {
            if (_p + 1 >= _end)
            {
                return CommandStatus.Malformed;
            }

            byte e = _b[_p + 1];
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
            {
                _p += 2;
                return CommandStatus.Ok;
            }

            if (e != 'u')
            {
                return CommandStatus.BadEscape;
            }

            int unit = Unit(_p);
            if (unit < 0)
            {
                return unit == -2 ? CommandStatus.Malformed : CommandStatus.BadEscape;
            }

            _p += 6;
            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                return CommandStatus.BadEscape;
            }

            if (unit < 0xD800 || unit > 0xDBFF)
            {
                return CommandStatus.Ok;
            }

            if (_p + 1 >= _end)
            {
                return CommandStatus.Malformed;
            }

            if (_b[_p] != '\\' || _b[_p + 1] != 'u')
            {
                return CommandStatus.BadEscape;
            }

            int low = Unit(_p);
            if (low < 0)
            {
                return low == -2 ? CommandStatus.Malformed : CommandStatus.BadEscape;
            }

            if (low < 0xDC00 || low > 0xDFFF)
            {
                return CommandStatus.BadEscape;
            }

            _p += 6;
            return CommandStatus.Ok;
        }

        // The code unit of the \uXXXX at b[at]; -1 when the four characters are not all hex digits, -2 when the
        // payload ends first (a truncated payload is malformed, not a bad escape).
        private int Unit(int at)
        {
            for (int i = 2; i < 6; i++)
            {
                if (at + i >= _end)
                {
                    return -2;
                }

                if (JsonText.HexValue(_b[at + i]) < 0)
                {
                    return -1;
                }
            }

            return JsonText.Hex4(_b, at + 2);
        }

        private bool Literal(string word)
        {
            if (_p + word.Length > _end)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                if (_b[_p + i] != word[i])
                {
                    return false;
                }
            }

            _p += word.Length;
            return true;
        }

        private int FindKey(int start, int length)
        {
            for (int k = 0; k < _keys.Length; k++)
            {
                if (JsonText.DecodedEquals(_b, start, length, _keys[k]))
                {
                    return k;
                }
            }

            return -1;
        }

        private void SkipSpace()
        {
            while (_p < _end && (_b[_p] == ' ' || _b[_p] == '\t' || _b[_p] == '\n' || _b[_p] == '\r'))
            {
                _p++;
            }
        }

        private static bool IsDigit(byte c)
        {
            return c >= '0' && c <= '9';
        }

        private static bool StartsValue(byte c)
        {
            return c == '"' || c == '[' || c == '-' || IsDigit(c) || c == 't' || c == 'f' || c == 'n';
        }
    }
}
