using System;
using System.Numerics;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Dsp;

namespace SensorNode.Tests.Dsp;

/// <summary>
/// The 64-bit z-score at the edge of its bound (docs/spec/signal-chain.md §3.1) against the exact BigInteger
/// reference: windows up to 4096 with the widest range each allows (span = floor(2^32 / N)), placed anywhere in
/// <c>int</c> including both ends, inputs mostly at the range's extremes. The verdict must equal the exact one
/// for every threshold tried; z must be within 0.01 of exact where |z| ≤ 20 (§5); and both must be bit-identical
/// to the 128-bit detector's, as must the mean kept alongside to <see cref="MovingAverage"/>'s.
/// </summary>
[TestClass]
public sealed class ZScoreBoundPropertyTests
{
    private static readonly Gen<(int Window, int Min, int Max, int MeanWindow, int[] Xs)> AtTheBound =
        from window in Gen.OneOf(Gen.Int[1, 64], Gen.Int[65, 600], Gen.Const(4096))
        let span = (long)(ZScoreDetector.MaxWindowTimesSpan / window)
        from placement in Gen.Int[0, 2]
        from offset in Gen.Long[0, (long)uint.MaxValue + 1 - span]
        let min = placement == 0 ? int.MinValue : placement == 1 ? int.MaxValue - (span - 1) : int.MinValue + offset
        let max = min + (span - 1)
        from meanWindow in Gen.Int[1, window]
        from picks in Gen.Int[0, 9].Array[window + 1, (2 * window) + 2]
        from noise in Gen.Long[0, span - 1].Array[(2 * window) + 2]
        select (window, (int)min, (int)max, meanWindow, Inputs(picks, noise, min, max));

    [TestMethod]
    public void AtTheBound_VerdictIsExact_ZWithinAHundredth_AndBothEqualThe128BitDetector()
    {
        int[] thresholds = { 1, 999, 1000, 3000, 1_000_000_000 };
        AtTheBound.Sample(s =>
        {
            var fast = new ZScoreDetector[thresholds.Length];
            var wide = new ZScoreDetector[thresholds.Length];
            for (int k = 0; k < thresholds.Length; k++)
            {
                fast[k] = new ZScoreDetector(s.Window, thresholds[k], s.Min, s.Max, s.MeanWindow);
                wide[k] = new ZScoreDetector(s.Window, thresholds[k]);
            }

            var average = new MovingAverage(s.MeanWindow);
            BigInteger n = s.Window;
            BigInteger sum = 0;
            BigInteger squares = 0;
            for (int t = 0; t < s.Xs.Length; t++)
            {
                int x = s.Xs[t];
                int mean = average.Update(x);

                // Exact reference, kept as sliding BigInteger sums: D = N·Q − S², num = N·x − S (as ExactReference).
                BigInteger d = (n * squares) - (sum * sum);
                BigInteger num = (n * x) - sum;
                for (int k = 0; k < thresholds.Length; k++)
                {
                    bool anomaly = fast[k].Update(x);
                    Assert.AreEqual(wide[k].Update(x), anomaly, $"t={t} threshold={thresholds[k]}");
                    Assert.AreEqual(wide[k].ZMilli, fast[k].ZMilli, $"t={t}");
                    Assert.AreEqual(mean, fast[k].Mean, $"t={t}");
                    bool exact = t >= s.Window && num * num * 1_000_000 > (BigInteger)thresholds[k] * thresholds[k] * d;
                    Assert.AreEqual(exact, anomaly, $"t={t} threshold={thresholds[k]}");
                }

                if (t >= s.Window)
                {
                    if (!d.IsZero)
                    {
                        double z = (double)num / Math.Sqrt((double)d);
                        if (Math.Abs(z) <= 20)
                        {
                            Assert.IsTrue(Math.Abs((fast[0].ZMilli / 1000.0) - z) <= 0.01, $"t={t} z={fast[0].ZMilli} exact={z}");
                        }
                    }

                    sum -= s.Xs[t - s.Window];
                    squares -= (BigInteger)s.Xs[t - s.Window] * s.Xs[t - s.Window];
                }

                sum += x;
                squares += (BigInteger)x * x;
            }
        }, iter: 60);
    }

    // Mostly the extremes (min, max, one inside each), otherwise anywhere in the range.
    private static int[] Inputs(int[] picks, long[] noise, long min, long max)
    {
        var xs = new int[picks.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            xs[i] = (int)(picks[i] switch
            {
                0 or 1 or 2 => min,
                3 or 4 or 5 => max,
                6 => Math.Min(min + 1, max),
                7 => Math.Max(max - 1, min),
                _ => min + noise[i],
            });
        }

        return xs;
    }
}
