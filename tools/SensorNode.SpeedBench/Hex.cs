namespace SensorNode.SpeedBench
{
    /// <summary>Lower- or upper-case hex text to bytes (setup only; the input is this program's own constants).</summary>
    internal static class Hex
    {
        /// <summary>Decodes every pair of <paramref name="hex"/> into <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public static void Decode(string hex, byte[] buffer, int offset)
        {
            for (int i = 0; i + 1 < hex.Length; i += 2)
            {
                buffer[offset + (i / 2)] = (byte)((Nibble(hex[i]) << 4) | Nibble(hex[i + 1]));
            }
        }

        /// <summary>A new array holding the bytes of <paramref name="hex"/>.</summary>
        public static byte[] Parse(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            Decode(hex, bytes, 0);
            return bytes;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            return (c | 0x20) - 'a' + 10;
        }
    }
}
