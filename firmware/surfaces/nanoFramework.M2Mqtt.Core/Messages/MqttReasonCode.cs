namespace nanoFramework.M2Mqtt.Messages
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/Messages/MqttReasonCode.cs): the members
    // SensorNode maps (MQTT 3.1.1 CONNACK return codes and their MQTT 5 counterparts).
    public enum MqttReasonCode : byte
    {
        Success = 0x00,
        ConnectionRefusedUnacceptableProtocolVersion = 0x01,
        ConnectionRefusedIdentifierRejected = 0x02,
        ConnectionRefusedServerUnavailable = 0x03,
        ConnectionRefusedBadUserNameOrPassword = 0x04,
        ConnectionRefusedNotAuthorized = 0x05,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
    }
}
