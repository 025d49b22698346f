using System;

namespace SensorNode.Host.Footprint;

/// <summary>The footprint could not be measured: a file is missing or malformed. The message says which and what to do.</summary>
public sealed class FootprintException : Exception
{
    public FootprintException(string message)
        : base(message)
    {
    }
}
