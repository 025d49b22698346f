namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Minimal forward-only DER reader for the two public-key structures of docs/spec/ota-image.md §8.2:
    /// one tag byte (no high tag numbers), definite lengths in short form or 0x81/0x82 long form. Never throws;
    /// a failed read returns false and leaves the position where it was.
    /// </summary>
    public sealed class DerReader
    {
        /// <summary>ASN.1 tags used by public keys.</summary>
        public const byte Integer = 0x02, BitString = 0x03, Null = 0x05, ObjectId = 0x06, Sequence = 0x30;

        private readonly byte[] _data;

        /// <summary>Reads data[offset, end).</summary>
        public DerReader(byte[] data, int offset, int end)
        {
            _data = data;
            Position = offset;
            End = end;
        }

        /// <summary>Next byte to read.</summary>
        public int Position { get; private set; }

        /// <summary>End of the readable range (exclusive).</summary>
        public int End { get; private set; }

        /// <summary>True when every byte was read.</summary>
        public bool AtEnd
        {
            get { return Position == End; }
        }

        /// <summary>
        /// Reads the header of an element with tag <paramref name="tag"/>; on success the position is at
        /// its content and <paramref name="length"/> its content length (which fits in the range).
        /// </summary>
        public bool Enter(byte tag, out int length)
        {
            length = 0;
            int p = Position;
            if (p + 2 > End || _data[p] != tag)
            {
                return false;
            }

            int first = _data[p + 1];
            p += 2;
            if (first < 0x80)
            {
                length = first;
            }
            else if (first == 0x81)
            {
                if (p + 1 > End || _data[p] < 0x80)
                {
                    return false;
                }

                length = _data[p];
                p += 1;
            }
            else if (first == 0x82)
            {
                if (p + 2 > End || _data[p] == 0)
                {
                    return false;
                }

                length = (_data[p] << 8) | _data[p + 1];
                p += 2;
            }
            else
            {
                return false;
            }

            if (length > End - p)
            {
                return false;
            }

            Position = p;
            return true;
        }

        /// <summary>Skips <paramref name="count"/> content bytes (after <see cref="Enter"/>).</summary>
        public void Skip(int count)
        {
            Position += count;
        }

        /// <summary>True when the next <paramref name="expected"/>.Length bytes equal it; consumes them if so.</summary>
        public bool Match(byte[] expected)
        {
            if (expected.Length > End - Position)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (_data[Position + i] != expected[i])
                {
                    return false;
                }
            }

            Position += expected.Length;
            return true;
        }
    }
}
