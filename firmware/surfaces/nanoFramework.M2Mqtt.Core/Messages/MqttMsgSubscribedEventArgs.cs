using System;

namespace nanoFramework.M2Mqtt.Messages
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/Messages/MqttMsgSubscribedEventArgs.cs).
    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels)
        {
            throw new NotImplementedException();
        }

        public ushort MessageId { get; internal set; }

        public MqttQoSLevel[] GrantedQoSLevels { get; internal set; }
    }
}
