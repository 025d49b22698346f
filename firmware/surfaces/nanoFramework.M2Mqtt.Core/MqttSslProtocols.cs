namespace nanoFramework.M2Mqtt
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs).
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }
}
