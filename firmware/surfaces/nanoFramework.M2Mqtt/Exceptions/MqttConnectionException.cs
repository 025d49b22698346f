using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    // Declared surface (upstream M2Mqtt/Exceptions/MqttConnectionException.cs at v5.1.220). MqttClient.Connect wraps
    // what MqttNetworkChannel.Connect throws: a SocketException as ("Socket exception connecting to the broker: " +
    // ErrorCode, ex), anything else as ("Exception connecting to the broker", ex).
    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
