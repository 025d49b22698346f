namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Integer helpers shared by the filters: rounded division and num / sqrt(D) in thousandths,
    /// computed with enough fractional bits of the square root that the result is within 0.001
    /// of the exact ratio (plus the final rounding) for every input the filters can produce.
    /// </summary>
    public static class FixedRatio
    {
        /// <summary>Largest magnitude a ratio returns, in thousandths (one million).</summary>
        public const int SaturatedMilli = 1000000000;

        /// <summary>n / d rounded to nearest, ties away from zero; d must be positive.</summary>
        public static long DivideRounded(long n, long d)
        {
            long half = d / 2;
            return n >= 0 ? (n + half) / d : -((-n + half) / d);
        }

        /// <summary>
        /// Exactly |num| / sqrt(D) &gt; thresholdMilli / 1000, decided in integers as
        /// (1000·|num|)² &gt; thresholdMilli² · D, so a ratio that rounds to the threshold is still judged
        /// by its exact value. |num| must be below 2^44 (the filters' range); D may be 0.
        /// </summary>
        public static bool RatioToSqrtExceeds(long num, ulong dHi, ulong dLo, int thresholdMilli)
        {
            ulong scaled = (ulong)(num < 0 ? -num : num) * 1000UL;
            ulong leftHi;
            ulong leftLo;
            Wide.Multiply(scaled, scaled, out leftHi, out leftLo);
            ulong t2 = (ulong)thresholdMilli * (ulong)thresholdMilli;
            ulong rightHi;
            ulong rightLo;
            Wide.Multiply(t2, dLo, out rightHi, out rightLo);
            if (dHi != 0)
            {
                ulong carryHi;
                ulong carryLo;
                Wide.Multiply(t2, dHi, out carryHi, out carryLo);
                ulong high = rightHi + carryLo;
                if (carryHi != 0 || high < rightHi)
                {
                    // thresholdMilli² · D ≥ 2^128 &gt; (1000·|num|)²: below the threshold.
                    return false;
                }

                rightHi = high;
            }

            return Wide.LessThan(rightHi, rightLo, leftHi, leftLo);
        }

        /// <summary>
        /// round(1000 · num / sqrt(D)) for D &gt; 0, saturated to ±<see cref="SaturatedMilli"/>.
        /// |num| must be below 2^62.
        /// </summary>
        public static int RatioToSqrtMilli(long num, ulong dHi, ulong dLo)
        {
            int shift = 0;
            ulong den;
            if (dHi == 0 && dLo < (1UL << 62))
            {
                // Scale D by 4^shift (the root by 2^shift) until the root has about 31 significant bits,
                // so that the floor of the root costs at most 2^-16 relative error.
                while (shift < 16 && dLo < (1UL << 60))
                {
                    dLo <<= 2;
                    shift++;
                }

                den = Wide.Sqrt(dLo);
            }
            else
            {
                den = Wide.Sqrt(dHi, dLo);
            }

            long magnitude = num < 0 ? -num : num;
            long scale = 1000L << shift;
            if (magnitude > long.MaxValue / scale)
            {
                return num < 0 ? -SaturatedMilli : SaturatedMilli;
            }

            long milli = DivideRounded(magnitude * scale, (long)den);
            if (milli > SaturatedMilli)
            {
                milli = SaturatedMilli;
            }

            return num < 0 ? -(int)milli : (int)milli;
        }
    }
}
