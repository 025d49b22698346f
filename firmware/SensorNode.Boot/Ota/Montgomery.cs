namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Montgomery arithmetic modulo an odd modulus n of L 32-bit limbs (little-endian limb order,
    /// R = 2^(32L)), with n's top bit set, as RSA moduli of 2048/3072/4096 bits have. Operand-scanning
    /// multiplication with product and reduction in one inner loop (FIOS, Koç, Acar, Kaliski 1996) on uint limbs
    /// with ulong intermediates; scratch space
    /// is allocated once, so <see cref="Multiply"/> allocates nothing.
    /// </summary>
    public sealed class Montgomery
    {
        // Squarings in ComputeRSquared; the rest of the exponent is doublings (see there).
        private const int MaxSquarings = 4;

        private readonly uint[] _n;
        private readonly uint _n0Inverse;
        private readonly uint[] _t;

        /// <summary>Sets up arithmetic modulo <paramref name="modulus"/> (limbs, least significant first; not copied).</summary>
        public Montgomery(uint[] modulus)
        {
            _n = modulus;
            LimbCount = modulus.Length;
            _t = new uint[LimbCount + 2];

            // Newton iteration for n0^-1 mod 2^32: x = n0 is right to 3 bits for odd n0, each step doubles.
            uint n0 = modulus[0];
            uint x = n0;
            for (int i = 0; i < 4; i++)
            {
                x *= 2 - n0 * x;
            }

            _n0Inverse = 0 - x;
        }

        /// <summary>Number of 32-bit limbs in the modulus.</summary>
        public int LimbCount { get; private set; }

        /// <summary>Writes R² mod n into <paramref name="result"/> (L limbs), the factor that enters the Montgomery domain.</summary>
        public void ComputeRSquared(uint[] result)
        {
            int limbs = LimbCount;

            // R mod n = R − n (n > R/2 because its top bit is set): the two's complement of n.
            ulong carry = 1;
            for (int i = 0; i < limbs; i++)
            {
                carry += (uint)~_n[i];
                result[i] = (uint)carry;
                carry >>= 32;
            }

            // 32L = d · 2^k: double R mod n d times to get 2^d·R, then each Montgomery squaring maps 2^a·R
            // to 2^(2a)·R; k squarings reach 2^(32L)·R = R² mod n. A squaring costs L² limb steps, a doubling
            // L, so at most MaxSquarings squarings (3072 bits: 192 doublings + 4 squarings, the cheapest split on nanoCLR).
            int bits = 32 * limbs;
            int squarings = 0;
            while ((bits & 1) == 0 && squarings < MaxSquarings)
            {
                bits >>= 1;
                squarings++;
            }

            for (int i = 0; i < bits; i++)
            {
                DoubleModN(result);
            }

            for (int i = 0; i < squarings; i++)
            {
                Multiply(result, result, result);
            }
        }

        /// <summary>result = a·b·R^-1 mod n, for a, b &lt; n; result may alias a or b.</summary>
        public void Multiply(uint[] a, uint[] b, uint[] result)
        {
            int limbs = LimbCount;
            uint[] t = _t;
            uint[] n = _n;
            for (int i = 0; i < limbs + 2; i++)
            {
                t[i] = 0;
            }

            // One pass per limb of b: t = (t + a·b[i] + m·n) / 2^32, with the product's carry (c) and the reduction's
            // carry (r) kept apart so that each t[j] is read and written once (the interpreter pays per instruction).
            // c, r ≤ 2^64 − 1: (2^32 − 1)² + 2·(2^32 − 1). t < 2n < 2^(32L + 1) throughout, so t[L] ≤ 1 and
            // t[L + 1] stays 0.
            for (int i = 0; i < limbs; i++)
            {
                ulong bi = b[i];
                ulong c = t[0] + (a[0] * bi);
                ulong m = (uint)((uint)c * _n0Inverse);
                ulong r = ((ulong)(uint)c + (m * n[0])) >> 32;
                c >>= 32;
                for (int j = 1; j < limbs; j++)
                {
                    c += t[j] + (a[j] * bi);
                    r += (uint)c + (m * n[j]);
                    t[j - 1] = (uint)r;
                    c >>= 32;
                    r >>= 32;
                }

                c += t[limbs];
                r += (uint)c;
                t[limbs - 1] = (uint)r;
                t[limbs] = (uint)((c >> 32) + (r >> 32));
            }

            // t < 2n: one conditional subtraction brings it below n.
            if (t[limbs] != 0 || !Less(t, n, limbs))
            {
                ulong borrow = 0;
                for (int j = 0; j < limbs; j++)
                {
                    ulong d = (ulong)t[j] - n[j] - borrow;
                    result[j] = (uint)d;
                    borrow = (d >> 32) & 1;
                }
            }
            else
            {
                for (int j = 0; j < limbs; j++)
                {
                    result[j] = t[j];
                }
            }
        }

        /// <summary>True when a &lt; b over the first <paramref name="limbs"/> limbs.</summary>
        public static bool Less(uint[] a, uint[] b, int limbs)
        {
            for (int i = limbs - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i];
                }
            }

            return false;
        }

        private void DoubleModN(uint[] x)
        {
            int limbs = LimbCount;
            uint top = 0;
            for (int i = 0; i < limbs; i++)
            {
                uint v = x[i];
                x[i] = (v << 1) | top;
                top = v >> 31;
            }

            if (top != 0 || !Less(x, _n, limbs))
            {
                ulong borrow = 0;
                for (int j = 0; j < limbs; j++)
                {
                    ulong d = (ulong)x[j] - _n[j] - borrow;
                    x[j] = (uint)d;
                    borrow = (d >> 32) & 1;
                }
            }
        }
    }
}
