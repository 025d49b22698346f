using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>
    /// Host stand-in for M2Mqtt 5.1.220's exception (M2Mqtt/Exceptions/MqttConnectionException.cs), same name, namespace
    /// and constructor, so that the device's MqttConnectError compiles and runs here unchanged.
    /// </summary>
    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
