using nanoFramework.TestFramework;
using SensorNode.Core.Dsp;

namespace NFUnitTest.Dsp
{
    /// <summary>
    /// The steady-state path of the 64-bit z-score (docs/spec/signal-chain.md §3.2) at the extremes of its bound:
    /// for a range [min, min + 2H] at window N and threshold T it is taken exactly when 4·K·(N·H)² and U·(N·H)² are
    /// at most 2^63 − 1 (K = 10⁶/g, U = T²/g, g = gcd(10⁶, T²)). Each row puts N·H on that limit (so the largest |num|
    /// and D the range allows meet it) and checks the results, sample by sample, against the 128-bit detector and
    /// <see cref="MovingAverage"/>; one unit of H more and the path is not taken, with the same results.
    /// </summary>
    [TestClass]
    public class ZScoreSteadyTests
    {
        // T = 1000: K = U = 1, limit N·H ≤ 1,518,500,249 = 7 · 216,928,607 (4·(N·H)² ≤ 2^63 − 1).
        // T = 1: K = 10⁶, U = 1, limit N·H ≤ 1,518,500 = 4 · 379,625.
        // T = 10⁹: K = 1, U = 10¹², limit N·H ≤ 3037 (U·(N·H)² ≤ 2^63 − 1).
        [DataRow(7, 1000, 216928607, 7, 0)]
        [DataRow(7, 1000, 216928607, 3, 1)]
        [DataRow(7, 1000, 216928607, 1, 2)]
        [DataRow(4, 1, 379625, 4, 0)]
        [DataRow(4, 1, 379625, 2, 2)]
        [DataRow(3037, 1000000000, 1, 3037, 1)]
        [DataRow(3037, 1000000000, 1, 100, 2)]
        public void SteadyPath_AtItsBound_MatchesTheGeneralPath(int window, int thresholdMilli, int halfSpan, int meanWindow, int placement)
        {
            Check(window, thresholdMilli, halfSpan, meanWindow, placement, true);
            Check(window, thresholdMilli, halfSpan + 1, meanWindow, placement, false);
        }

        [TestMethod]
        public void SteadyPath_RefusesOutOfRange_AndResetLeavesIt()
        {
            ZScoreDetector z = new ZScoreDetector(4, 3000, 0, 100, 2);
            int[] history = { 10, 20, 30, 40, 50 };
            for (int i = 0; i < history.Length; i++)
            {
                z.Update(history[i]);
            }

            Assert.IsTrue(z.IsSteady);
            Assert.IsFalse(z.Update(101));
            Assert.IsFalse(z.Update(-1));
            Assert.IsFalse(z.Update(int.MinValue));
            Assert.AreEqual(3, z.RefusedCount);
            Assert.IsTrue(z.IsSteady);
            Assert.AreEqual(45, z.Mean);

            // History 20, 30, 40, 50: mean 35, σ = √125. x = 0: z = −35/√125 = −3.1305, anomalous at T = 3.
            Assert.IsTrue(z.Update(0));
            Assert.AreEqual(-3130, z.ZMilli);
            Assert.AreEqual(25, z.Mean);
            z.Reset();
            Assert.IsFalse(z.IsSteady);
            Assert.AreEqual(0, z.Count);
        }

        [TestMethod]
        public void SteadyPath_NotTaken_AtWindowOne_WithoutMeanWindow_OrForThe128BitDetector()
        {
            ZScoreDetector one = new ZScoreDetector(1, 3000, 0, 100, 1);
            ZScoreDetector noMean = new ZScoreDetector(4, 3000, 0, 100);
            ZScoreDetector wide = new ZScoreDetector(4, 3000);
            for (int i = 0; i < 10; i++)
            {
                one.Update(i);
                noMean.Update(i);
                wide.Update(i);
            }

            Assert.IsFalse(one.IsSteady);
            Assert.IsFalse(noMean.IsSteady);
            Assert.IsFalse(wide.IsSteady);
        }

        private static void Check(int window, int thresholdMilli, int halfSpan, int meanWindow, int placement, bool steady)
        {
            int span = (2 * halfSpan) + 1;
            int min = placement == 0 ? int.MinValue : (placement == 1 ? -halfSpan : int.MaxValue - (span - 1));
            int max = min + (span - 1);
            ZScoreDetector fast = new ZScoreDetector(window, thresholdMilli, min, max, meanWindow);
            ZScoreDetector wide = new ZScoreDetector(window, thresholdMilli);
            MovingAverage average = new MovingAverage(meanWindow);
            string where = "N=" + window.ToString() + " H=" + halfSpan.ToString() + " at ";

            // A window of min then max (the largest |num|), alternating extremes (the largest D), then a mix of the
            // extremes, one inside each and the middle.
            int samples = (4 * window) + 40;
            uint seed = (uint)(window + halfSpan);
            for (int t = 0; t < samples; t++)
            {
                seed = unchecked((seed * 1103515245) + 12345);
                int pick = (int)((seed >> 8) % 5);
                int x;
                if (t < window)
                {
                    x = min;
                }
                else if (t == window)
                {
                    x = max;
                }
                else if (t < 3 * window)
                {
                    x = (t & 1) == 0 ? min : max;
                }
                else
                {
                    x = pick == 0 ? min : (pick == 1 ? max : (pick == 2 ? min + 1 : (pick == 3 ? max - 1 : min + halfSpan)));
                }

                bool anomaly = fast.Update(x);
                Assert.AreEqual(wide.Update(x), anomaly, where + t.ToString());
                Assert.AreEqual(wide.ZMilli, fast.ZMilli, where + t.ToString());
                Assert.AreEqual(average.Update(x), fast.Mean, where + t.ToString());
                Assert.AreEqual(t >= window && steady, fast.IsSteady, where + t.ToString());
            }

            Assert.AreEqual(0, fast.RefusedCount);
        }
    }
}
