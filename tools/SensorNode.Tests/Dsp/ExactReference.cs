using System;
using System.Numerics;

namespace SensorNode.Tests.Dsp;

/// <summary>Exact (BigInteger) references for the fixed-point filters; only the final sqrt is in double.</summary>
internal static class ExactReference
{
    /// <summary>Population z of x against window[0..n): (N·x − Σ) / sqrt(N·Σx² − Σ²); NaN when σ = 0.</summary>
    public static double Z(ReadOnlySpan<int> window, int x)
    {
        BigInteger n = window.Length;
        BigInteger sum = 0;
        BigInteger squares = 0;
        foreach (int v in window)
        {
            sum += v;
            squares += (BigInteger)v * v;
        }

        BigInteger d = (n * squares) - (sum * sum);
        if (d.IsZero)
        {
            return double.NaN;
        }

        return (double)((n * x) - sum) / Math.Sqrt((double)d);
    }

    /// <summary>Exactly |z| &gt; thresholdMilli/1000 (σ = 0: true when x differs from the history).</summary>
    public static bool ZExceeds(ReadOnlySpan<int> window, int x, int thresholdMilli)
    {
        BigInteger n = window.Length;
        BigInteger sum = 0;
        BigInteger squares = 0;
        foreach (int v in window)
        {
            sum += v;
            squares += (BigInteger)v * v;
        }

        BigInteger d = (n * squares) - (sum * sum);
        BigInteger num = (n * x) - sum;
        return num * num * 1000000 > (BigInteger)thresholdMilli * thresholdMilli * d;
    }

    /// <summary>RMS (DC removed), peak |x − mean| and crest of one window, in raw units.</summary>
    public static (double Rms, double Peak, double Crest) Crest(ReadOnlySpan<int> window)
    {
        BigInteger n = window.Length;
        BigInteger sum = 0;
        BigInteger squares = 0;
        int min = int.MaxValue;
        int max = int.MinValue;
        foreach (int v in window)
        {
            sum += v;
            squares += (BigInteger)v * v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        BigInteger d = (n * squares) - (sum * sum);
        BigInteger peakScaled = BigInteger.Max((n * max) - sum, sum - (n * min));
        double rms = Math.Sqrt((double)d) / (double)n;
        double peak = (double)peakScaled / (double)n;
        return (rms, peak, d.IsZero ? 0 : (double)peakScaled / Math.Sqrt((double)d));
    }
}
