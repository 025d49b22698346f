namespace SensorNode.Core.Ota
{
    /// <summary>Conversions between RFC 8017 octet strings (big-endian) and little-endian uint limbs.</summary>
    public static class BigEndian
    {
        /// <summary>Reads <paramref name="length"/> (= 4 × limbs.Length) big-endian bytes into limbs.</summary>
        public static void ToLimbs(byte[] source, int offset, int length, uint[] limbs)
        {
            int last = offset + length - 1;
            for (int i = 0; i < limbs.Length; i++)
            {
                int p = last - 4 * i;
                limbs[i] = source[p] | ((uint)source[p - 1] << 8) | ((uint)source[p - 2] << 16) | ((uint)source[p - 3] << 24);
            }
        }

        /// <summary>Writes the limbs as 4 × limbs.Length big-endian bytes at <paramref name="offset"/>.</summary>
        public static void FromLimbs(uint[] limbs, byte[] destination, int offset)
        {
            int last = offset + 4 * limbs.Length - 1;
            for (int i = 0; i < limbs.Length; i++)
            {
                uint v = limbs[i];
                int p = last - 4 * i;
                destination[p] = (byte)v;
                destination[p - 1] = (byte)(v >> 8);
                destination[p - 2] = (byte)(v >> 16);
                destination[p - 3] = (byte)(v >> 24);
            }
        }
    }
}
