namespace SensorNode.SpeedBench.Cases
{
    /// <summary>Deterministic input series (an LCG), the same on both runtimes.</summary>
    internal static class Samples
    {
        /// <summary>Number of samples in a series; a power of two, so cases index with a mask.</summary>
        public const int Count = 4096;

        /// <summary><see cref="Count"/> values centre ± spread (inclusive), from seed.</summary>
        public static int[] Series(int center, int spread, uint seed)
        {
            int[] values = new int[Count];
            uint x = seed;
            uint span = (uint)(2 * spread) + 1;
            for (int i = 0; i < Count; i++)
            {
                x = unchecked((x * 1103515245) + 12345);
                values[i] = center - spread + (int)((x >> 8) % span);
            }

            return values;
        }
    }
}
