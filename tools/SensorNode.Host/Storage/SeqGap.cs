namespace SensorNode.Host.Storage;

/// <summary>
/// Readings of a node that never arrived: sequence numbers <see cref="FirstSeq"/>..<see cref="LastSeq"/> (inclusive),
/// noticed at <see cref="SeenUnixMilliseconds"/> (Unix ms UTC) when a later reading arrived first.
/// </summary>
public sealed record SeqGap(string Node, long FirstSeq, long LastSeq, long SeenUnixMilliseconds)
{
    /// <summary>Number of missing readings.</summary>
    public long Missing => LastSeq - FirstSeq + 1;
}
