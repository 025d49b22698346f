using System;
using BenchmarkDotNet.Attributes;
using SensorNode.Core.Sensors;

namespace SensorNode.Benchmarks.Dsp;

/// <summary>
/// What a deep-sleep wake adds to keep its filters (docs/spec/signal-chain.md §8): encoding five channels'
/// windows into filters.bin after the sample, and replaying them into fresh filters at the next boot.
/// </summary>
[MemoryDiagnoser]
public class FilterStateBenchmark
{
    private ChannelFilter[] _filters = Array.Empty<ChannelFilter>();
    private ChannelFilter[] _fresh = Array.Empty<ChannelFilter>();
    private byte[] _buffer = Array.Empty<byte>();
    private int[] _history = Array.Empty<int>();

    /// <summary>Z-score window (average window 8).</summary>
    [Params(32, 256)]
    public int ZWindow { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _filters = new ChannelFilter[SampleRecord.ChannelCount];
        _fresh = new ChannelFilter[SampleRecord.ChannelCount];
        for (int c = 0; c < _filters.Length; c++)
        {
            _filters[c] = new ChannelFilter(8, ZWindow, 3000);
            _fresh[c] = new ChannelFilter(8, ZWindow, 3000);
            for (int i = 0; i < ZWindow; i++)
            {
                _filters[c].Update(random.Next(-50_000, 50_000), out _);
            }
        }

        _buffer = new byte[FilterStateFile.MaxLength(ZWindow, SampleRecord.ChannelCount)];
        _history = new int[ZWindow];
        for (int i = 0; i < ZWindow; i++)
        {
            _history[i] = _filters[0].HistoryAt(i);
        }
    }

    /// <summary>After every sample: the state into the file buffer.</summary>
    [Benchmark]
    public int Encode() => FilterStateFile.Encode(_filters, 8, ZWindow, _buffer);

    /// <summary>At boot, per channel: a fresh filter brought back by replaying its window.</summary>
    [Benchmark]
    public int ReplayOneChannel()
    {
        _fresh[0].Replay(_history, _history.Length);
        return _fresh[0].ZMilli;
    }
}
