using System;

namespace SensorNode.Host.Collect;

/// <summary>The collector cannot start (broker refused it, TLS failed); the message is one sentence for a person.</summary>
public sealed class CollectorException : Exception
{
    public CollectorException(string message)
        : base(message)
    {
    }
}
