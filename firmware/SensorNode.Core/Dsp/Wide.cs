namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Unsigned 128-bit integer arithmetic on (hi, lo) pairs of <c>ulong</c>, for exact sums of squares.
    /// mscorlib 1.17.11 has no Int128 or BigInteger; these few operations are all the filters need.
    /// </summary>
    public static class Wide
    {
        /// <summary>Full 64 x 64 -> 128-bit unsigned product.</summary>
        public static void Multiply(ulong a, ulong b, out ulong hi, out ulong lo)
        {
            ulong aLo = a & 0xFFFFFFFFUL;
            ulong aHi = a >> 32;
            ulong bLo = b & 0xFFFFFFFFUL;
            ulong bHi = b >> 32;
            ulong ll = aLo * bLo;
            ulong lh = aLo * bHi;
            ulong hl = aHi * bLo;
            ulong hh = aHi * bHi;
            ulong mid = (ll >> 32) + (lh & 0xFFFFFFFFUL) + (hl & 0xFFFFFFFFUL);
            lo = (mid << 32) | (ll & 0xFFFFFFFFUL);
            hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
        }

        /// <summary>(hi, lo) += (addHi, addLo), modulo 2^128.</summary>
        public static void Add(ref ulong hi, ref ulong lo, ulong addHi, ulong addLo)
        {
            ulong sum = lo + addLo;
            hi += addHi + (sum < lo ? 1UL : 0UL);
            lo = sum;
        }

        /// <summary>(hi, lo) -= (subHi, subLo), modulo 2^128.</summary>
        public static void Subtract(ref ulong hi, ref ulong lo, ulong subHi, ulong subLo)
        {
            ulong diff = lo - subLo;
            hi = hi - subHi - (lo < subLo ? 1UL : 0UL);
            lo = diff;
        }

        /// <summary>True when (aHi, aLo) &lt; (bHi, bLo).</summary>
        public static bool LessThan(ulong aHi, ulong aLo, ulong bHi, ulong bLo)
        {
            return aHi < bHi || (aHi == bHi && aLo < bLo);
        }

        /// <summary>Floor of the square root of a 64-bit value (bit-by-bit, no division).</summary>
        public static ulong Sqrt(ulong n)
        {
            ulong root = 0;
            ulong bit = 1UL << 62;
            while (bit > n)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                if (n >= root + bit)
                {
                    n -= root + bit;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }

                bit >>= 2;
            }

            return root;
        }

        /// <summary>Floor of the square root of a 128-bit value; the result always fits in 64 bits.</summary>
        public static ulong Sqrt(ulong hi, ulong lo)
        {
            if (hi == 0)
            {
                return Sqrt(lo);
            }

            // Same digit-by-digit method as the 64-bit version, on 128-bit remainder and root.
            ulong remHi = hi;
            ulong remLo = lo;
            ulong rootHi = 0;
            ulong rootLo = 0;
            ulong bitHi = 1UL << 62;
            ulong bitLo = 0;
            while (LessThan(remHi, remLo, bitHi, bitLo))
            {
                ShiftRight2(ref bitHi, ref bitLo);
            }

            while (bitHi != 0 || bitLo != 0)
            {
                ulong trialHi = rootHi;
                ulong trialLo = rootLo;
                Add(ref trialHi, ref trialLo, bitHi, bitLo);
                ShiftRight1(ref rootHi, ref rootLo);
                if (!LessThan(remHi, remLo, trialHi, trialLo))
                {
                    Subtract(ref remHi, ref remLo, trialHi, trialLo);
                    Add(ref rootHi, ref rootLo, bitHi, bitLo);
                }

                ShiftRight2(ref bitHi, ref bitLo);
            }

            return rootLo;
        }

        private static void ShiftRight1(ref ulong hi, ref ulong lo)
        {
            lo = (lo >> 1) | (hi << 63);
            hi >>= 1;
        }

        private static void ShiftRight2(ref ulong hi, ref ulong lo)
        {
            lo = (lo >> 2) | (hi << 62);
            hi >>= 2;
        }
    }
}
