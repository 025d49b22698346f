namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Exact running sums for a window of integer samples: count, Σx (64-bit) and Σx² (128-bit).
    /// With |x| &lt; 2^31 and up to 4096 samples, Σx stays below 2^43 and Σx² below 2^74, so nothing
    /// overflows and nothing drifts: removing a sample subtracts exactly what adding it added.
    /// </summary>
    public struct SumOfSquares
    {
        /// <summary>Number of samples in the sums.</summary>
        public int Count;

        /// <summary>Σx in raw units.</summary>
        public long Sum;

        /// <summary>High 64 bits of Σx².</summary>
        public ulong SquaresHi;

        /// <summary>Low 64 bits of Σx².</summary>
        public ulong SquaresLo;

        /// <summary>Adds one sample.</summary>
        public void Add(int x)
        {
            // x² ≤ 2^62 fits a long; the 128-bit add is written out (no call: the interpreter pays per call).
            long wide = x;
            ulong square = (ulong)(wide * wide);
            ulong lo = SquaresLo + square;
            if (lo < square)
            {
                SquaresHi++;
            }

            SquaresLo = lo;
            Count++;
            Sum += x;
        }

        /// <summary>Removes one sample that was added before.</summary>
        public void Remove(int x)
        {
            long wide = x;
            ulong square = (ulong)(wide * wide);
            if (SquaresLo < square)
            {
                SquaresHi--;
            }

            SquaresLo -= square;
            Count--;
            Sum -= x;
        }

        /// <summary>Empties the sums.</summary>
        public void Clear()
        {
            Count = 0;
            Sum = 0;
            SquaresHi = 0;
            SquaresLo = 0;
        }

        /// <summary>
        /// D = n·Σx² − (Σx)², which is n² times the population variance; never negative.
        /// </summary>
        public void ScaledVariance(out ulong hi, out ulong lo)
        {
            ulong nqHi;
            ulong nqLo;
            Wide.Multiply(SquaresLo, (ulong)Count, out nqHi, out nqLo);
            nqHi += SquaresHi * (ulong)Count;
            ulong sumMagnitude = (ulong)(Sum < 0 ? -Sum : Sum);
            ulong ssHi;
            ulong ssLo;
            Wide.Multiply(sumMagnitude, sumMagnitude, out ssHi, out ssLo);
            Wide.Subtract(ref nqHi, ref nqLo, ssHi, ssLo);
            hi = nqHi;
            lo = nqLo;
        }
    }
}
