namespace SensorNode.Core.Ports
{
    /// <summary>Optional capability of an uplink: bytes sent and received since it was created, for energy and data-plan figures.</summary>
    public interface ITrafficCounter
    {
        /// <summary>Bytes sent (application bytes handed to TCP, TLS records included where measurable).</summary>
        long BytesSent { get; }

        /// <summary>Bytes received.</summary>
        long BytesReceived { get; }
    }
}
