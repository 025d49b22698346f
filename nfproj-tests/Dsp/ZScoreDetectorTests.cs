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
    }
}
