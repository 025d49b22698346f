using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Dsp;

namespace SensorNode.Tests.Dsp;

/// <summary>Closed-form cases and extremes (docs/spec/signal-chain.md §6).</summary>
[TestClass]
public sealed class SignalChainAnalyticTests
{
    [TestMethod]
    [DataRow("sine", 1.4142135623730951)]
    [DataRow("square", 1.0)]
    [DataRow("triangle", 1.7320508075688772)]
    public void Crest_OfClassicWaveforms_MatchesTheory(string shape, double expected)
    {
        const int window = 4000;
        const int period = 400;
        const double amplitude = 100_000; // raw units (100.000 user units)
        var crest = new CrestFactor(window);
        for (int i = 0; i < window; i++)
        {
            double phase = (i % period) / (double)period;
            double v = shape switch
            {
                "sine" => Math.Sin(2 * Math.PI * phase),
                "square" => phase < 0.5 ? 1 : -1,
                _ => phase < 0.25 ? 4 * phase : phase < 0.75 ? 2 - (4 * phase) : (4 * phase) - 4,
            };
            crest.Add(5_000 + (int)Math.Round(amplitude * v));
        }

        Assert.AreEqual(1, crest.WindowsCompleted);
        Assert.AreEqual(expected, crest.CrestMilli / 1000.0, expected * 0.002);
    }

    [TestMethod]
    public void Crest_LargestAmplitudeAtLargestWindow_DoesNotOverflow()
    {
        var crest = new CrestFactor(CrestFactor.MaxWindow);
        for (int i = 0; i < CrestFactor.MaxWindow; i++)
        {
            crest.Add((i & 1) == 0 ? int.MaxValue : int.MinValue);
        }

        // ±(2^31 − 1/2) around a DC of −1/2: RMS = peak = 2147483647.5 raw units, crest 1.
        Assert.AreEqual(2_147_483_647_500_000L, crest.RmsMicro);
        Assert.AreEqual(2_147_483_647_500_000L, crest.PeakMicro);
        Assert.AreEqual(1000, crest.CrestMilli);
    }

    [TestMethod]
    public void ZScore_LargestAmplitudeAtLargestWindow_MatchesExact()
    {
        var z = new ZScoreDetector(ZScoreDetector.MaxWindow, 3000);
        var window = new int[ZScoreDetector.MaxWindow];
        var random = new Random(5);
        for (int i = 0; i < window.Length; i++)
        {
            window[i] = random.Next(-200_000_000, 200_000_001);
            z.Update(window[i]);
        }

        z.Update(200_000_000);
        double exact = ExactReference.Z(window, 200_000_000);
        Assert.AreEqual(exact, z.ZMilli / 1000.0, 0.01);
    }

    [TestMethod]
    public void ZScore_ConstantInput_IsZeroAndNeverAnomalous()
    {
        var z = new ZScoreDetector(64, 1);
        for (int i = 0; i < 1000; i++)
        {
            Assert.IsFalse(z.Update(-123_456_789));
            Assert.AreEqual(0, z.ZMilli);
        }
    }
}
