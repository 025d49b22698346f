namespace SensorNode.Core.Ports
{
    /// <summary>MQTT quality of service (MQTT 3.1.1 §4.3).</summary>
    public enum MqttQos
    {
        /// <summary>At most once.</summary>
        AtMostOnce = 0,

        /// <summary>At least once: the publish returns after PUBACK.</summary>
        AtLeastOnce = 1,
    }
}
