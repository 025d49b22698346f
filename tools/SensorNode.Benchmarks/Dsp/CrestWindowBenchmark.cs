using System;
using BenchmarkDotNet.Attributes;
using SensorNode.Core.Dsp;

namespace SensorNode.Benchmarks.Dsp;

/// <summary>Per-window crest factor at N = 1024: fixed point against double.</summary>
[MemoryDiagnoser]
public class CrestWindowBenchmark
{
    private const int Window = 1024;
    private int[] _milliG = Array.Empty<int>();
    private double[] _g = Array.Empty<double>();
    private CrestFactor _crest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _milliG = new int[Window];
        _g = new double[Window];
        for (int i = 0; i < Window; i++)
        {
            double g = 1.0 + (0.3 * Math.Sin(2 * Math.PI * 29.5 * i / 3200.0)) + (random.NextDouble() * 0.04);
            _milliG[i] = (int)Math.Round(g * 1000);
            _g[i] = _milliG[i] / 1000.0;
        }

        _crest = new CrestFactor(Window);
    }

    [Benchmark(Baseline = true)]
    public int FixedPoint()
    {
        _crest.AddRange(_milliG, 0, Window);
        return _crest.CrestMilli;
    }

    [Benchmark]
    public double Double() => DoubleCrest.Crest(_g, out _, out _);
}
