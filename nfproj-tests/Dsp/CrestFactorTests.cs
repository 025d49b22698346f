using nanoFramework.TestFramework;
using SensorNode.Core.Dsp;

namespace NFUnitTest.Dsp
{
    [TestClass]
    public class CrestFactorTests
    {
        [TestMethod]
        public void SquareWave_CrestIsOne()
        {
            CrestFactor crest = new CrestFactor(8);
            for (int i = 0; i < 8; i++)
            {
                crest.Add((i & 1) == 0 ? 1500 : -500);
            }

            Assert.AreEqual(1, crest.WindowsCompleted);
            Assert.AreEqual(1000, crest.CrestMilli);
            Assert.AreEqual(1000000000L, crest.RmsMicro);
            Assert.AreEqual(1000000000L, crest.PeakMicro);
        }

        [TestMethod]
        public void ConstantWindow_RmsZero_CrestZero()
        {
            CrestFactor crest = new CrestFactor(16);
            for (int i = 0; i < 16; i++)
            {
                crest.Add(981);
            }

            Assert.AreEqual(0L, crest.RmsMicro);
            Assert.AreEqual(0L, crest.PeakMicro);
            Assert.AreEqual(0, crest.CrestMilli);
        }

        [TestMethod]
        public void SingleImpulse_CrestMatchesClosedForm()
        {
            // One impulse of height h in N samples: peak = h(N−1)/N, RMS = h·sqrt(N−1)/N, crest = sqrt(N−1).
            CrestFactor crest = new CrestFactor(101);
            crest.Add(1000);
            for (int i = 1; i < 101; i++)
            {
                crest.Add(0);
            }

            Assert.AreEqual(10000, crest.CrestMilli);
        }

        [TestMethod]
        public void AddRange_ReportsCompletedWindows_AndKeepsPartial()
        {
            CrestFactor crest = new CrestFactor(4);
            int[] samples = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
            Assert.AreEqual(2, crest.AddRange(samples, 0, samples.Length));
            Assert.AreEqual(2, crest.Pending);
        }
    }
}
