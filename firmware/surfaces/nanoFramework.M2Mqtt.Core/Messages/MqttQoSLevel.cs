namespace nanoFramework.M2Mqtt.Messages
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs).
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }
}
