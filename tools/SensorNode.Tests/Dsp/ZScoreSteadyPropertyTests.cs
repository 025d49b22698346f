using System;
using System.Numerics;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Dsp;

namespace SensorNode.Tests.Dsp;

/// <summary>
/// The steady-state path of the 64-bit z-score (docs/spec/signal-chain.md §3.2) at the edge of its bound, against
/// the exact BigInteger reference. For a window N, threshold T and mean window M, the range's half-width H is put
/// on the largest value the bound allows (4·K·(N·H)² ≤ 2^63 − 1 and U·(N·H)² ≤ 2^63 − 1 with K = 10⁶/g, U = T²/g,
/// g = gcd(10⁶, T²), computed here in BigInteger), one below it, or one above it, anywhere in <c>int</c>; inputs are
/// mostly the range's extremes. Whether the detector takes the path must match the bound exactly, and every verdict,
/// z and mean must be bit-identical to the 128-bit detector's and <see cref="MovingAverage"/>'s, with the verdict
/// equal to the exact one.
/// </summary>
[TestClass]
public sealed class ZScoreSteadyPropertyTests
{
    private static readonly BigInteger LongMax = long.MaxValue;

    private static readonly Gen<(int Window, int Threshold, int MeanWindow, int Edge, long Offset, int[] Picks, long[] Noise)> Cases =
        from window in Gen.OneOf(Gen.Int[2, 64], Gen.Int[65, 600], Gen.Const(4096))
        from threshold in Gen.OneOf(Gen.Int[1, 5000], Gen.Int[1, int.MaxValue], Gen.OneOf(Gen.Const(1000), Gen.Const(3000), Gen.Const(4000), Gen.Const(2999)))
        from meanWindow in Gen.Int[1, window]
        from edge in Gen.Int[-1, 1]
        from offset in Gen.Long[0, uint.MaxValue]
        from picks in Gen.Int[0, 9].Array[window + 1, (2 * window) + 2]
        from noise in Gen.Long[0, long.MaxValue].Array[(2 * window) + 2]
        select (window, threshold, meanWindow, edge, offset, picks, noise);

    [TestMethod]
    public void AtTheSteadyBound_PathTakenExactlyWhenItHolds_AndResultsEqualTheExactAnd128BitOnes()
    {
        Cases.Sample(s =>
        {
            long halfSpan = LargestHalfSpan(s.Window, s.Threshold) + s.Edge;
            long span = (2 * halfSpan) + 1;
            if (halfSpan < 0 || (long)s.Window * span > ZScoreDetector.MaxWindowTimesSpan)
            {
                return; // the range itself does not fit the 64-bit bound (§3.1): nothing to check here
            }

            long min = int.MinValue + (s.Offset % ((long)uint.MaxValue + 2 - span));
            long max = min + span - 1;
            bool steady = halfSpan <= LargestHalfSpan(s.Window, s.Threshold);
            var fast = new ZScoreDetector(s.Window, s.Threshold, (int)min, (int)max, s.MeanWindow);
            var wide = new ZScoreDetector(s.Window, s.Threshold);
            var average = new MovingAverage(s.MeanWindow);
            BigInteger n = s.Window;
            BigInteger sum = 0;
            BigInteger squares = 0;
            var xs = new int[s.Picks.Length];
            for (int t = 0; t < xs.Length; t++)
            {
                long noise = s.Noise[t] % span;
                int x = (int)(s.Picks[t] switch
                {
                    0 or 1 or 2 => min,
                    3 or 4 or 5 => max,
                    6 => Math.Min(min + 1, max),
                    7 => Math.Max(max - 1, min),
                    _ => min + noise,
                });
                xs[t] = x;
                BigInteger d = (n * squares) - (sum * sum);
                BigInteger num = (n * x) - sum;
                bool anomaly = fast.Update(x);
                bool exact = t >= s.Window && num * num * 1_000_000 > (BigInteger)s.Threshold * s.Threshold * d;
                Assert.AreEqual(exact, anomaly, $"t={t} N={s.Window} T={s.Threshold} H={halfSpan}");
                Assert.AreEqual(wide.Update(x), anomaly, $"t={t}");
                Assert.AreEqual(wide.ZMilli, fast.ZMilli, $"t={t}");
                Assert.AreEqual(average.Update(x), fast.Mean, $"t={t}");
                Assert.AreEqual(t >= s.Window && steady, fast.IsSteady, $"t={t} N={s.Window} T={s.Threshold} H={halfSpan}");
                if (t >= s.Window)
                {
                    sum -= xs[t - s.Window];
                    squares -= (BigInteger)xs[t - s.Window] * xs[t - s.Window];
                }

                sum += x;
                squares += (BigInteger)x * x;
            }
        }, iter: 100);
    }

    // Largest H with 4·K·(N·H)² ≤ 2^63 − 1 and U·(N·H)² ≤ 2^63 − 1, by bisection in BigInteger.
    private static long LargestHalfSpan(int window, int threshold)
    {
        BigInteger t2 = (BigInteger)threshold * threshold;
        BigInteger g = BigInteger.GreatestCommonDivisor(1_000_000, t2);
        BigInteger k = 1_000_000 / g;
        BigInteger u = t2 / g;
        long low = 0;
        long high = 1L << 32;
        while (low < high)
        {
            long mid = low + ((high - low + 1) / 2);
            BigInteger nh = (BigInteger)window * mid;
            if (4 * k * nh * nh <= LongMax && u * nh * nh <= LongMax)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
