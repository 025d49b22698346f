using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Dsp;
using SensorNode.Core.Sensors;

namespace NFUnitTest.Dsp
{
    /// <summary>
    /// The 64-bit z-score (docs/spec/signal-chain.md §3.1): the bound N · (max − min + 1) ≤ 2^32 enforced at
    /// construction, every channel inside it at the largest window, exact results at the extremes of the bound,
    /// refusal of inputs outside the declared range, and agreement with the 128-bit detector and MovingAverage.
    /// </summary>
    [TestClass]
    public class ZScoreBoundTests
    {
        // 2^32 / 4096: the widest span the largest window allows.
        private const int SpanAtLargestWindow = 1048576;

        [TestMethod]
        public void Fits_AtTheBound_AndNotOneBeyond()
        {
            Assert.IsTrue(ZScoreDetector.Fits(4096, 0, SpanAtLargestWindow - 1));
            Assert.IsFalse(ZScoreDetector.Fits(4096, 0, SpanAtLargestWindow));
            Assert.IsTrue(ZScoreDetector.Fits(4096, int.MaxValue - (SpanAtLargestWindow - 1), int.MaxValue));
            Assert.IsTrue(ZScoreDetector.Fits(4096, int.MinValue, int.MinValue + (SpanAtLargestWindow - 1)));
            Assert.IsTrue(ZScoreDetector.Fits(1, int.MinValue, int.MaxValue));
            Assert.IsFalse(ZScoreDetector.Fits(2, int.MinValue, int.MaxValue));
            Assert.IsTrue(ZScoreDetector.Fits(3, 0, 1431655764));
            Assert.IsFalse(ZScoreDetector.Fits(3, 0, 1431655765));
            Assert.IsFalse(ZScoreDetector.Fits(0, 0, 1));
            Assert.IsFalse(ZScoreDetector.Fits(4097, 0, 1));
            Assert.IsFalse(ZScoreDetector.Fits(8, 5, 4));
        }

        [TestMethod]
        public void Construction_RefusesRangesThatWouldOverflow()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ZScoreDetector(4096, 3000, 0, SpanAtLargestWindow));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ZScoreDetector(2, 3000, int.MinValue, int.MaxValue));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ZScoreDetector(32, 3000, 10, 9));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ZScoreDetector(32, 3000, 0, 100, 33));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ChannelFilter(8, 4096, 3000, 0, SpanAtLargestWindow));
            Assert.IsFalse(new ZScoreDetector(4096, 3000, 0, SpanAtLargestWindow - 1).IsWide);
        }

        [TestMethod]
        public void EveryChannelRange_FitsTheLargestWindow()
        {
            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                Channel channel = (Channel)c;
                Assert.IsTrue(ZScoreDetector.Fits(ZScoreDetector.MaxWindow, ChannelRange.Min(channel), ChannelRange.Max(channel)), "channel " + c.ToString());
            }
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void AlternatingMinMax_AtTheBound_GivesExactZOfOne(int placement)
        {
            // History alternating min, max (N = 4096, span 2^20): mean (min + max)/2, σ = (max − min)/2, so x = max
            // is exactly z = 1 and x = min exactly z = −1. D = N²σ² is just below 2^62, the bound's largest.
            int min = placement == 0 ? int.MinValue : (placement == 1 ? -(SpanAtLargestWindow / 2) : int.MaxValue - (SpanAtLargestWindow - 1));
            int max = min + (SpanAtLargestWindow - 1);
            ZScoreDetector atOne = Alternating(min, max, 1000);
            ZScoreDetector belowOne = Alternating(min, max, 999);

            // |z| = 1 is not above a threshold of 1.000 (the exact tie, decided in 128 bits), and is above 0.999.
            Assert.IsFalse(atOne.Update(max));
            Assert.AreEqual(1000, atOne.ZMilli);
            Assert.IsTrue(belowOne.Update(max));
            Assert.AreEqual(1000, belowOne.ZMilli);

            // And x = min is exactly z = −1.
            ZScoreDetector negative = Alternating(min, max, 1000);
            negative.Update(min);
            Assert.IsTrue(negative.IsReady);
            Assert.AreEqual(-1000, negative.ZMilli);
            Assert.AreEqual(0, negative.RefusedCount);
        }

        [TestMethod]
        public void ConstantAtMax_ThenMin_FollowsTheSigmaZeroRule()
        {
            int min = int.MaxValue - (SpanAtLargestWindow - 1);
            ZScoreDetector z = new ZScoreDetector(4096, 3000, min, int.MaxValue);
            for (int i = 0; i < 4096; i++)
            {
                z.Update(int.MaxValue);
            }

            Assert.IsFalse(z.Update(int.MaxValue));
            Assert.AreEqual(0, z.ZMilli);
            Assert.IsTrue(z.Update(min));
            Assert.AreEqual(-FixedRatio.SaturatedMilli, z.ZMilli);
        }

        [TestMethod]
        public void FullIntRange_AtWindowOne_FitsAndScores()
        {
            ZScoreDetector z = new ZScoreDetector(1, 1, int.MinValue, int.MaxValue);
            z.Update(int.MinValue);
            Assert.IsTrue(z.Update(int.MaxValue));
            Assert.AreEqual(FixedRatio.SaturatedMilli, z.ZMilli);
            Assert.IsFalse(z.Update(int.MaxValue));
        }

        [TestMethod]
        public void OutOfRangeInput_IsRefused_AndChangesNothing()
        {
            ZScoreDetector z = new ZScoreDetector(4, 3000, 0, 100, 2);
            z.Update(10);
            z.Update(20);
            z.Update(30);
            z.Update(40);
            Assert.IsFalse(z.Update(101));
            Assert.IsFalse(z.Update(-1));
            Assert.AreEqual(2, z.RefusedCount);
            Assert.AreEqual(0, z.ZMilli);
            Assert.AreEqual(35, z.Mean);
            Assert.AreEqual(4, z.Count);
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(10 * (i + 1), z.HistoryAt(i));
            }

            // History 10, 20, 30, 40: mean 25, σ = √125. x = 60: z = 35/√125 = 3.1305 > 3.
            Assert.IsTrue(z.Update(60));
            Assert.AreEqual(3130, z.ZMilli);
            Assert.AreEqual(50, z.Mean);
        }

        [DataRow(1, 1)]
        [DataRow(8, 32)]
        [DataRow(32, 32)]
        [DataRow(5, 7)]
        public void SixtyFourBitChain_MatchesTheWideDetectorAndMovingAverage(int averageWindow, int zWindow)
        {
            // Pressures over the whole BME280 range, in bursts, so that σ goes from 0 to the largest.
            ZScoreDetector fast = new ZScoreDetector(zWindow, 2000, 30000, 110000, averageWindow);
            ZScoreDetector wide = new ZScoreDetector(zWindow, 2000);
            MovingAverage average = new MovingAverage(averageWindow);
            uint seed = 12345;
            for (int i = 0; i < 600; i++)
            {
                seed = unchecked((seed * 1103515245) + 12345);
                int spread = (i / 50) % 3 == 0 ? 0 : ((i / 50) % 3 == 1 ? 40 : 40000);
                int x = 70000 + (int)((seed >> 8) % (uint)((2 * spread) + 1)) - spread;
                bool anomaly = fast.Update(x);
                Assert.AreEqual(wide.Update(x), anomaly, "verdict at " + i.ToString());
                Assert.AreEqual(wide.IsAnomaly, fast.IsAnomaly);
                Assert.AreEqual(wide.IsReady, fast.IsReady);
                Assert.AreEqual(wide.ZMilli, fast.ZMilli, "z at " + i.ToString());
                Assert.AreEqual(average.Update(x), fast.Mean, "mean at " + i.ToString());
                Assert.AreEqual(wide.Count, fast.Count);
            }
        }

        private static ZScoreDetector Alternating(int min, int max, int thresholdMilli)
        {
            ZScoreDetector z = new ZScoreDetector(4096, thresholdMilli, min, max);
            for (int i = 0; i < 4096; i++)
            {
                z.Update((i & 1) == 0 ? min : max);
            }

            return z;
        }
    }
}
