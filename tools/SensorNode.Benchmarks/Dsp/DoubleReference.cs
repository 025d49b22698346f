using System;

namespace SensorNode.Benchmarks.Dsp;

/// <summary>
/// Straightforward double-precision versions of the same algorithms (running sums over a ring buffer),
/// the baseline the fixed-point filters are compared with.
/// </summary>
internal sealed class DoubleStats
{
    private readonly double[] _meanRing;
    private readonly double[] _zRing;
    private int _meanNext;
    private int _meanCount;
    private double _meanSum;
    private int _zNext;
    private int _zCount;
    private double _zSum;
    private double _zSquares;

    public DoubleStats(int window)
    {
        _meanRing = new double[window];
        _zRing = new double[window];
    }

    public double Mean { get; private set; }

    public double Z { get; private set; }

    public bool Update(double x, double threshold)
    {
        int n = _meanRing.Length;
        if (_meanCount == n)
        {
            _meanSum -= _meanRing[_meanNext];
        }
        else
        {
            _meanCount++;
        }

        _meanRing[_meanNext] = x;
        _meanSum += x;
        _meanNext = (_meanNext + 1) % n;
        Mean = _meanSum / _meanCount;

        bool anomaly = false;
        if (_zCount == n)
        {
            double mu = _zSum / n;
            double variance = (_zSquares / n) - (mu * mu);
            double sigma = variance > 0 ? Math.Sqrt(variance) : 0;
            Z = sigma > 0 ? (x - mu) / sigma : 0;
            anomaly = Math.Abs(Z) > threshold;
            double old = _zRing[_zNext];
            _zSum -= old;
            _zSquares -= old * old;
        }
        else
        {
            _zCount++;
        }

        _zRing[_zNext] = x;
        _zSum += x;
        _zSquares += x * x;
        _zNext = (_zNext + 1) % n;
        return anomaly;
    }
}

internal static class DoubleCrest
{
    public static double Crest(double[] window, out double rms, out double peak)
    {
        double mean = 0;
        for (int i = 0; i < window.Length; i++)
        {
            mean += window[i];
        }

        mean /= window.Length;
        double squares = 0;
        peak = 0;
        for (int i = 0; i < window.Length; i++)
        {
            double r = window[i] - mean;
            squares += r * r;
            peak = Math.Max(peak, Math.Abs(r));
        }

        rms = Math.Sqrt(squares / window.Length);
        return rms > 0 ? peak / rms : 0;
    }
}
