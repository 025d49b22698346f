namespace SensorNode.Core.Ports
{
    /// <summary>
    /// An MQTT 3.1.1 client connection (docs/spec/mqtt.md §9.1): M2Mqtt on the device, MQTTnet on the
    /// host. Every call returns a status and never throws for network or broker failures. Calls block
    /// until done or until the adapter's timeout.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>True while the connection is up.</summary>
        bool IsConnected { get; }

        /// <summary>Connects with a clean session, the options' credentials, keep-alive and will.</summary>
        MqttLinkStatus Connect(MqttConnectOptions options);

        /// <summary>
        /// Publishes the first <paramref name="count"/> bytes of <paramref name="payload"/>; at QoS 1
        /// returns Ok only after PUBACK.
        /// </summary>
        MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain);

        /// <summary>Subscribes to one topic filter and waits for SUBACK.</summary>
        MqttLinkStatus Subscribe(string topicFilter, MqttQos qos);

        /// <summary>Takes the oldest received message, if any, without waiting.</summary>
        bool TryReceive(MqttInboundMessage message);

        /// <summary>Sends DISCONNECT (so the broker does not publish the will) and closes.</summary>
        void Disconnect();
    }
}
