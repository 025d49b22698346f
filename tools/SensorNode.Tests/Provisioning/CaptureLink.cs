using System.Collections.Generic;
using SensorNode.Core.Ports;

namespace SensorNode.Tests.Provisioning;

/// <summary>An in-process link that records what the node writes.</summary>
internal sealed class CaptureLink : ISerialLink
{
    public List<byte> Output { get; } = new();

    public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;

    public void Write(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Output.Add(buffer[offset + i]);
        }
    }
}

/// <summary>A clock that stands still unless moved.</summary>
internal sealed class TestClock : IClock
{
    public long Now { get; set; }

    public long MonotonicMilliseconds => Now;

    public bool TryGetUnixMilliseconds(out long unixMilliseconds)
    {
        unixMilliseconds = 0;
        return false;
    }
}
