namespace SensorNode.Core.Provisioning
{
    /// <summary>Little-endian integer reads and writes on caller-owned buffers (all provisioning formats are LE).</summary>
    public static class Wire
    {
        /// <summary>Reads an unsigned 16-bit value.</summary>
        public static int ReadU16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        /// <summary>Reads an unsigned 32-bit value.</summary>
        public static uint ReadU32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        /// <summary>Reads a signed 32-bit value.</summary>
        public static int ReadI32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        /// <summary>Writes an unsigned 16-bit value; returns the position after it.</summary>
        public static int WriteU16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            return at + 2;
        }

        /// <summary>Writes a 32-bit value; returns the position after it.</summary>
        public static int WriteU32(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
            return at + 4;
        }

        /// <summary>Writes ASCII text byte by byte (characters above 0x7E become '?'); returns the position after it.</summary>
        public static int WriteAscii(byte[] b, int at, string text, int limit)
        {
            for (int i = 0; i < text.Length && at < limit; i++)
            {
                char c = text[i];
                b[at++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
            }

            return at;
        }
    }
}
