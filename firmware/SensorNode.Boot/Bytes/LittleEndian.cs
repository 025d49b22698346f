namespace SensorNode.Core.Bytes
{
    /// <summary>
    /// Little-endian integers in caller-owned buffers: the byte order of every SensorNode format (OTA image and
    /// slot state, retained state, filter state). The one helper for them all; allocates nothing.
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Reads an unsigned 16-bit value at <paramref name="offset"/>.</summary>
        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }

        /// <summary>Writes the low 16 bits of <paramref name="value"/> at <paramref name="offset"/>.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Reads an unsigned 32-bit value at <paramref name="offset"/>.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return buffer[offset]
                | ((uint)buffer[offset + 1] << 8)
                | ((uint)buffer[offset + 2] << 16)
                | ((uint)buffer[offset + 3] << 24);
        }

        /// <summary>Writes a 32-bit value at <paramref name="offset"/>.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a signed 64-bit value at <paramref name="offset"/>.</summary>
        public static long ReadInt64(byte[] buffer, int offset)
        {
            return (long)ReadUInt32(buffer, offset) | ((long)ReadUInt32(buffer, offset + 4) << 32);
        }

        /// <summary>Writes a 64-bit value at <paramref name="offset"/>.</summary>
        public static void WriteInt64(byte[] buffer, int offset, long value)
        {
            WriteUInt32(buffer, offset, (uint)value);
            WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
        }
    }
}
