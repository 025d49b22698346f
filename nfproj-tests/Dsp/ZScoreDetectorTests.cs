using nanoFramework.TestFramework;
using SensorNode.Core.Dsp;

namespace NFUnitTest.Dsp
{
    [TestClass]
    public class ZScoreDetectorTests
    {
        [TestMethod]
        public void NothingFlagged_UntilNEarlierSamples()
        {
            ZScoreDetector z = new ZScoreDetector(4, 3000);
            Assert.IsFalse(z.Update(0));
            Assert.IsFalse(z.Update(1000000));
            Assert.IsFalse(z.Update(-1000000));
            Assert.IsFalse(z.Update(5));
            Assert.IsFalse(z.IsReady);
            z.Update(0);
            Assert.IsTrue(z.IsReady);
        }

        [TestMethod]
        public void KnownWindow_GivesExactZ()
        {
            // History 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sigma 2. x = 11 -> z = 3.
            ZScoreDetector z = new ZScoreDetector(8, 2500);
            int[] history = new int[] { 2, 4, 4, 4, 5, 5, 7, 9 };
            for (int i = 0; i < history.Length; i++)
            {
                z.Update(history[i]);
            }

            Assert.IsTrue(z.Update(11));
            Assert.AreEqual(3000, z.ZMilli);
        }

        [TestMethod]
        public void ConstantInput_SigmaZero_ZIsZeroAndNotAnomalous()
        {
            ZScoreDetector z = new ZScoreDetector(16, 1);
            for (int i = 0; i < 100; i++)
            {
                Assert.IsFalse(z.Update(21500));
                Assert.AreEqual(0, z.ZMilli);
            }
        }

        [TestMethod]
        public void ConstantHistory_ThenChange_SaturatesAndFlags()
        {
            ZScoreDetector z = new ZScoreDetector(4, 3000);
            for (int i = 0; i < 4; i++)
            {
                z.Update(100);
            }

            Assert.IsTrue(z.Update(99));
            Assert.AreEqual(-FixedRatio.SaturatedMilli, z.ZMilli);
        }

        [TestMethod]
        public void LargestAmplitude_LargestWindow_NoOverflow()
        {
            // Alternating ±200000.000 (raw ±200000000) gives mean 0 and sigma 200000000.
            ZScoreDetector z = new ZScoreDetector(4096, 3000);
            for (int i = 0; i < 4096; i++)
            {
                z.Update((i & 1) == 0 ? 200000000 : -200000000);
            }

            z.Update(200000000);
            Assert.AreEqual(1000, z.ZMilli);
            Assert.IsFalse(z.IsAnomaly);
        }

        [TestMethod]
        public void ZJustAboveThreshold_IsAnomalous_EvenWhenRoundedZEqualsThreshold()
        {
            // History 0, 20000: mean 10000, sigma 10000. x = 10012 -> z = 0.0012, shown as 0.001.
            ZScoreDetector z = new ZScoreDetector(2, 1);
            z.Update(0);
            z.Update(20000);
            Assert.IsTrue(z.Update(10012));
            Assert.AreEqual(1, z.ZMilli);
        }

        [TestMethod]
        public void ZExactlyAtThreshold_IsNotAnomalous()
        {
            // Same history; x = 10010 -> z = 0.001 exactly, and x = 9990 -> z = -0.001: |z| > T is false.
            ZScoreDetector z = new ZScoreDetector(2, 1);
            z.Update(0);
            z.Update(20000);
            Assert.IsFalse(z.Update(10010));
            Assert.AreEqual(1, z.ZMilli);
            ZScoreDetector negative = new ZScoreDetector(2, 1);
            negative.Update(0);
            negative.Update(20000);
            Assert.IsFalse(negative.Update(9990));
            Assert.AreEqual(-1, negative.ZMilli);
        }

        [TestMethod]
        public void LargestThreshold_LargestVariance_DoesNotOverflow()
        {
            // sigma = 2^31 - 1 raw with threshold 1,000,000: threshold^2 * D exceeds 128 bits.
            ZScoreDetector z = new ZScoreDetector(4096, 1000000000);
            for (int i = 0; i < 4096; i++)
            {
                z.Update((i & 1) == 0 ? int.MaxValue : -int.MaxValue);
            }

            Assert.IsFalse(z.Update(int.MaxValue));
            Assert.AreEqual(1000, z.ZMilli);
        }
    }
}
