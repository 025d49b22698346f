using System;
using SensorNode.Core.Ports;

namespace SensorNode.Cli.Views;

/// <summary>A read-only file store that reports how far into one file the reader has got, for a progress bar.</summary>
internal sealed class ReadProgressStore : IFileStore
{
    private readonly IFileStore _inner;
    private readonly Action<long, long> _report;
    private long _furthest;

    public ReadProgressStore(IFileStore inner, Action<long, long> report)
    {
        _inner = inner;
        _report = report;
    }

    public int Length(string name) => _inner.Length(name);

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(name, position, buffer, offset, count);
        if (position + read > _furthest)
        {
            _furthest = position + read;
            _report(_furthest, Math.Max(_furthest, _inner.Length(name)));
        }

        return read;
    }

    public void Append(string name, byte[] buffer, int offset, int count) => _inner.Append(name, buffer, offset, count);

    public void Replace(string name, byte[] buffer, int offset, int count) => _inner.Replace(name, buffer, offset, count);

    public void Delete(string name) => _inner.Delete(name);

    public void Rename(string from, string to) => _inner.Rename(from, to);
}
