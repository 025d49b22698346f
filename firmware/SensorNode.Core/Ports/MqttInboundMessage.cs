namespace SensorNode.Core.Ports
{
    /// <summary>A received message copied into a caller-owned, fixed-size buffer.</summary>
    public sealed class MqttInboundMessage
    {
        /// <summary>Creates a message with a payload buffer of <paramref name="capacity"/> bytes.</summary>
        public MqttInboundMessage(int capacity)
        {
            Payload = new byte[capacity];
        }

        /// <summary>Topic the message arrived on.</summary>
        public string Topic;

        /// <summary>Payload bytes; only the first <see cref="Length"/> are valid.</summary>
        public readonly byte[] Payload;

        /// <summary>Payload length, bytes (at most the capacity; see <see cref="Truncated"/>).</summary>
        public int Length;

        /// <summary>True when the payload was longer than the buffer and was cut.</summary>
        public bool Truncated;
    }
}
