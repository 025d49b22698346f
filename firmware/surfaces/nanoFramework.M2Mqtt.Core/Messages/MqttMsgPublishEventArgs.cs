using System;

namespace nanoFramework.M2Mqtt.Messages
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs).
    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            throw new NotImplementedException();
        }

        public string Topic { get; internal set; }

        public byte[] Message { get; internal set; }
    }
}
