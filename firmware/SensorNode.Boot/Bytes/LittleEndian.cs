namespace SensorNode.Core.Ota
{
    /// <summary>Little-endian field access in caller buffers (the OTA formats' byte order).</summary>
    public static class LittleEndian
    {
        /// <summary>Reads an unsigned 16-bit value.</summary>
        public static int U16(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8);
        }

        /// <summary>Reads an unsigned 32-bit value.</summary>
        public static uint U32(byte[] b, int offset)
        {
            return b[offset] | ((uint)b[offset + 1] << 8) | ((uint)b[offset + 2] << 16) | ((uint)b[offset + 3] << 24);
        }

        /// <summary>Writes the low 16 bits of <paramref name="value"/>.</summary>
        public static void PutU16(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit value.</summary>
        public static void PutU32(byte[] b, int offset, uint value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
            b[offset + 3] = (byte)(value >> 24);
        }
    }
}
