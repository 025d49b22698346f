using System;

namespace nanoFramework.M2Mqtt.Messages
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishedEventArgs.cs).
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId)
        {
            throw new NotImplementedException();
        }

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            throw new NotImplementedException();
        }

        public ushort MessageId { get; set; }

        public bool IsPublished { get; set; }
    }
}
