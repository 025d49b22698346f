using System;
using System.Linq;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Dsp;

namespace SensorNode.Tests.Dsp;

/// <summary>
/// Property tests of the fixed-point signal chain against exact references (docs/spec/signal-chain.md §5):
/// mean within 0.001 user units (we assert the tighter 0.5 raw units), z within 0.01 where |z| ≤ 20,
/// RMS within 0.1 % and crest within 0.2 % relative. Inputs are raw thousandths up to ±200000.000 user units,
/// centred anywhere in that range, with spreads from 1 raw unit to the whole range, windows up to 4096.
/// </summary>
[TestClass]
public sealed class SignalChainPropertyTests
{
    private const int MaxRaw = 200_000_000;

    /// <summary>Small and medium windows, with series up to three windows long.</summary>
    private static readonly Gen<(int Window, int[] Xs)> Series = SeriesOf(Gen.OneOf(Gen.Int[1, 40], Gen.Int[41, 400]));

    /// <summary>The largest window, with series just over two windows long (fewer iterations: O(N) reference per sample).</summary>
    private static readonly Gen<(int Window, int[] Xs)> LargestWindow = SeriesOf(Gen.Const(4096));

    private static Gen<(int Window, int[] Xs)> SeriesOf(Gen<int> windows) =>
        from window in windows
        from center in Gen.Int[-MaxRaw / 2, MaxRaw / 2]
        from spreadDigits in Gen.Int[0, 8]
        let spread = (int)Math.Min(MaxRaw / 2, Math.Pow(10, spreadDigits))
        from offsets in Gen.Int[-spread, spread].Array[1, (window * 3) + 2]
        select (window, offsets.Select(o => center + o).ToArray());

    [TestMethod]
    public void MovingAverage_IsWithinHalfARawUnitOfTheExactMean()
    {
        CheckMean(Series, 300);
        CheckMean(LargestWindow, 4);
    }

    [TestMethod]
    public void ZScore_IsWithinOneHundredthOfExact_WhereAbsZAtMost20()
    {
        CheckZ(Series, 300);
        CheckZ(LargestWindow, 3);
    }

    [TestMethod]
    public void CrestFactor_RmsWithinPointOnePercent_CrestWithinPointTwoPercent()
    {
        CheckCrest(Series, 300);
        CheckCrest(LargestWindow, 8);
    }

    private static void CheckMean(Gen<(int Window, int[] Xs)> series, int iterations)
    {
        series.Sample(s =>
        {
            var avg = new MovingAverage(s.Window);
            for (int t = 0; t < s.Xs.Length; t++)
            {
                int mean = avg.Update(s.Xs[t]);
                int count = Math.Min(t + 1, s.Window);
                long sum = 0;
                for (int i = t + 1 - count; i <= t; i++)
                {
                    sum += s.Xs[i];
                }

                // |mean − sum/count| ≤ 1/2  ⇔  |mean·count − sum|·2 ≤ count, exactly in integers.
                Assert.IsTrue(Math.Abs(((long)mean * count) - sum) * 2 <= count, $"t={t} mean={mean} exact={sum}/{count}");
            }
        }, iter: iterations);
    }

    private static void CheckZ(Gen<(int Window, int[] Xs)> series, int iterations)
    {
        series.Sample(s =>
        {
            const int threshold = 3000;
            var z = new ZScoreDetector(s.Window, threshold);
            var tiny = new ZScoreDetector(s.Window, 1);
            for (int t = 0; t < s.Xs.Length; t++)
            {
                bool anomaly = z.Update(s.Xs[t]);
                bool tinyAnomaly = tiny.Update(s.Xs[t]);
                if (t < s.Window)
                {
                    Assert.IsFalse(anomaly);
                    Assert.IsFalse(z.IsReady);
                    continue;
                }

                double exact = ExactReference.Z(s.Xs.AsSpan(t - s.Window, s.Window), s.Xs[t]);
                double got = z.ZMilli / 1000.0;
                if (double.IsNaN(exact))
                {
                    Assert.AreEqual(s.Xs[t] == s.Xs[t - 1] ? 0 : Math.Sign(s.Xs[t] - s.Xs[t - 1]) * FixedRatio.SaturatedMilli, z.ZMilli);
                    continue;
                }

                if (Math.Abs(exact) <= 20)
                {
                    Assert.IsTrue(Math.Abs(got - exact) <= 0.01, $"t={t} z={got} exact={exact}");
                }
                else
                {
                    Assert.AreEqual(Math.Sign(exact), Math.Sign(got));
                }

                // The verdict is exact (|z| > T), not taken from the rounded z.
                Assert.AreEqual(ExactReference.ZExceeds(s.Xs.AsSpan(t - s.Window, s.Window), s.Xs[t], threshold), anomaly, $"t={t} exact={exact}");
                Assert.AreEqual(ExactReference.ZExceeds(s.Xs.AsSpan(t - s.Window, s.Window), s.Xs[t], 1), tinyAnomaly, $"t={t} exact={exact} threshold 0.001");
            }
        }, iter: iterations);
    }

    private static void CheckCrest(Gen<(int Window, int[] Xs)> series, int iterations)
    {
        series.Sample(s =>
        {
            var crest = new CrestFactor(s.Window);
            for (int t = 0; t < s.Xs.Length; t++)
            {
                if (!crest.Add(s.Xs[t]))
                {
                    continue;
                }

                (double rms, double peak, double exactCrest) = ExactReference.Crest(s.Xs.AsSpan(t + 1 - s.Window, s.Window));
                double gotRms = crest.RmsMicro / 1e6;
                double gotPeak = crest.PeakMicro / 1e6;
                double gotCrest = crest.CrestMilli / 1000.0;
                Assert.IsTrue(Math.Abs(gotRms - rms) <= 0.001 * rms, $"rms {gotRms} vs {rms}");
                Assert.IsTrue(Math.Abs(gotPeak - peak) <= 0.0000005 + (1e-12 * peak), $"peak {gotPeak} vs {peak}");
                Assert.IsTrue(Math.Abs(gotCrest - exactCrest) <= 0.002 * exactCrest, $"crest {gotCrest} vs {exactCrest}");
            }
        }, iter: iterations);
    }
}
