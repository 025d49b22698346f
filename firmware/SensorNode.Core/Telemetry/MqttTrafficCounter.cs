using SensorNode.Core.Ports;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// An <see cref="IMqttLink"/> decorator that counts the MQTT 3.1.1 packet bytes of every call (CONNECT,
    /// PUBLISH, SUBSCRIBE, DISCONNECT sent; CONNACK, PUBACK, SUBACK and received PUBLISH counted as
    /// received), computed from the packet layout. TCP, IP and TLS overhead are not included. Topics are
    /// ASCII by the topic rules, so characters count as bytes. Forwards <see cref="IMqttCallTimeout"/>.
    /// </summary>
    public sealed class MqttTrafficCounter : IMqttLink, ITrafficCounter, IMqttCallTimeout
    {
        private readonly IMqttLink _inner;
        private int _timeoutMilliseconds = 10000;

        /// <summary>Wraps a link.</summary>
        public MqttTrafficCounter(IMqttLink inner)
        {
            _inner = inner;
        }

        /// <inheritdoc />
        public long BytesSent { get; private set; }

        /// <inheritdoc />
        public long BytesReceived { get; private set; }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _inner.IsConnected; }
        }

        /// <inheritdoc />
        public int CallTimeoutMilliseconds
        {
            get
            {
                IMqttCallTimeout t = _inner as IMqttCallTimeout;
                return t != null ? t.CallTimeoutMilliseconds : _timeoutMilliseconds;
            }

            set
            {
                _timeoutMilliseconds = value;
                IMqttCallTimeout t = _inner as IMqttCallTimeout;
                if (t != null)
                {
                    t.CallTimeoutMilliseconds = value;
                }
            }
        }

        /// <inheritdoc />
        public MqttLinkStatus Connect(MqttConnectOptions options)
        {
            // Variable header: protocol name (6), level (1), flags (1), keep-alive (2).
            int remaining = 10 + Field(options.ClientId);
            if (options.WillTopic != null)
            {
                remaining += Field(options.WillTopic) + Field(options.WillPayload);
            }

            if (options.Username != null && options.Username.Length > 0)
            {
                remaining += Field(options.Username) + (options.Password != null ? Field(options.Password) : 0);
            }

            BytesSent += Packet(remaining);
            MqttLinkStatus status = _inner.Connect(options);
            if (status != MqttLinkStatus.Unreachable && status != MqttLinkStatus.TlsFailed)
            {
                BytesReceived += 4; // CONNACK
            }

            return status;
        }

        /// <inheritdoc />
        public MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain)
        {
            BytesSent += Packet(2 + topic.Length + (qos == MqttQos.AtLeastOnce ? 2 : 0) + count);
            MqttLinkStatus status = _inner.Publish(topic, payload, count, qos, retain);
            if (status == MqttLinkStatus.Ok && qos == MqttQos.AtLeastOnce)
            {
                BytesReceived += 4; // PUBACK
            }

            return status;
        }

        /// <inheritdoc />
        public MqttLinkStatus Subscribe(string topicFilter, MqttQos qos)
        {
            BytesSent += Packet(2 + 2 + topicFilter.Length + 1);
            MqttLinkStatus status = _inner.Subscribe(topicFilter, qos);
            if (status == MqttLinkStatus.Ok)
            {
                BytesReceived += 5; // SUBACK with one return code
            }

            return status;
        }

        /// <inheritdoc />
        public bool TryReceive(MqttInboundMessage message)
        {
            if (!_inner.TryReceive(message))
            {
                return false;
            }

            BytesReceived += Packet(2 + (message.Topic != null ? message.Topic.Length : 0) + 2 + message.Length);
            return true;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            if (_inner.IsConnected)
            {
                BytesSent += 2;
            }

            _inner.Disconnect();
        }

        /// <summary>Bytes of an MQTT packet with this remaining length: type byte, remaining-length varint, body.</summary>
        public static int Packet(int remaining)
        {
            int lengthBytes = remaining < 128 ? 1 : (remaining < 16384 ? 2 : (remaining < 2097152 ? 3 : 4));
            return 1 + lengthBytes + remaining;
        }

        private static int Field(string text)
        {
            return 2 + (text == null ? 0 : text.Length);
        }
    }
}
