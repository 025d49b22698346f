using System;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    // Declared surface (upstream nanoFramework.M2Mqtt.Core/IMqttClient.cs): the nested delegates the
    // MqttClient events are typed with, and the members SensorNode calls.
    public interface IMqttClient
    {
        delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        bool IsConnected { get; }

        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        void Disconnect();

        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        ushort Publish(string topic, byte[] message, string contentType, System.Collections.ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        void Close();
    }
}
