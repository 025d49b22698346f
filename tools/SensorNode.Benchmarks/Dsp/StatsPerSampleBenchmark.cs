using System;
using BenchmarkDotNet.Attributes;
using SensorNode.Core.Dsp;

namespace SensorNode.Benchmarks.Dsp;

/// <summary>
/// Per-sample cost of moving average + z-score at N = 16, 256 and 4096, fixed point against double.
/// Each invocation processes one block of samples; figures are reported per sample (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class StatsPerSampleBenchmark
{
    private const int Block = 4096;
    private int[] _milli = Array.Empty<int>();
    private double[] _units = Array.Empty<double>();
    private MovingAverage _mean = null!;
    private ZScoreDetector _z = null!;
    private DoubleStats _double = null!;

    [Params(16, 256, 4096)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _milli = new int[Block];
        _units = new double[Block];
        for (int i = 0; i < Block; i++)
        {
            _milli[i] = 21000 + random.Next(-500, 500);
            _units[i] = _milli[i] / 1000.0;
        }

        _mean = new MovingAverage(Window);
        _z = new ZScoreDetector(Window, 4000);
        _double = new DoubleStats(Window);

        // Warm the windows so every measured sample takes the full (ready) path.
        for (int i = 0; i < Window; i++)
        {
            _mean.Update(_milli[i % Block]);
            _z.Update(_milli[i % Block]);
            _double.Update(_units[i % Block], 4.0);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Block)]
    public int FixedPoint()
    {
        int anomalies = 0;
        for (int i = 0; i < Block; i++)
        {
            _mean.Update(_milli[i]);
            anomalies += _z.Update(_milli[i]) ? 1 : 0;
        }

        return anomalies;
    }

    [Benchmark(OperationsPerInvoke = Block)]
    public int Double()
    {
        int anomalies = 0;
        for (int i = 0; i < Block; i++)
        {
            anomalies += _double.Update(_units[i], 4.0) ? 1 : 0;
        }

        return anomalies;
    }
}
