using nanoFramework.TestFramework;
using SensorNode.Core.Dsp;

namespace NFUnitTest.Dsp
{
    [TestClass]
    public class WideTests
    {
        [TestMethod]
        public void Multiply_MaxTimesMax_GivesFullProduct()
        {
            ulong hi;
            ulong lo;
            Wide.Multiply(ulong.MaxValue, ulong.MaxValue, out hi, out lo);

            // (2^64 − 1)^2 = 2^128 − 2^65 + 1
            Assert.AreEqual(0xFFFFFFFFFFFFFFFEUL, hi);
            Assert.AreEqual(1UL, lo);
        }

        [DataRow(0UL, 0UL)]
        [DataRow(1UL, 1UL)]
        [DataRow(3UL, 1UL)]
        [DataRow(4UL, 2UL)]
        [DataRow(99UL, 9UL)]
        [DataRow(100UL, 10UL)]
        [DataRow(18446744073709551615UL, 4294967295UL)]
        [DataRow(4611686018427387904UL, 2147483648UL)]
        public void Sqrt64_IsFloorOfRoot(ulong n, ulong root)
        {
            Assert.AreEqual(root, Wide.Sqrt(n));
        }

        [TestMethod]
        public void Sqrt128_OfSquares_IsExact()
        {
            ulong[] roots = new ulong[] { 4294967296UL, 12345678901234UL, 18446744073709551615UL, 9999999999UL };
            for (int i = 0; i < roots.Length; i++)
            {
                ulong hi;
                ulong lo;
                Wide.Multiply(roots[i], roots[i], out hi, out lo);
                Assert.AreEqual(roots[i], Wide.Sqrt(hi, lo));

                // One less than a perfect square has the floor root r − 1.
                Wide.Subtract(ref hi, ref lo, 0, 1);
                Assert.AreEqual(roots[i] - 1, Wide.Sqrt(hi, lo));
            }
        }

        [TestMethod]
        public void AddSubtract_CarryAcrossWords()
        {
            ulong hi = 0;
            ulong lo = ulong.MaxValue;
            Wide.Add(ref hi, ref lo, 0, 1);
            Assert.AreEqual(1UL, hi);
            Assert.AreEqual(0UL, lo);
            Wide.Subtract(ref hi, ref lo, 0, 1);
            Assert.AreEqual(0UL, hi);
            Assert.AreEqual(ulong.MaxValue, lo);
        }
    }
}
