using SensorNode.Core.Ports;

namespace SensorNode.HeapProbe
{
    /// <summary>
    /// A broker that accepts everything and keeps nothing (a device sends its publishes away): it counts publishes
    /// and bytes, and every <see cref="CommandEvery"/> publishes offers the node one command on its command topic.
    /// </summary>
    public sealed class CountingMqttLink : IMqttLink
    {
        private readonly string _commandTopic;
        private readonly byte[] _command;
        private bool _connected;
        private int _sinceCommand;

        public CountingMqttLink(string commandTopic, string commandJson)
        {
            _commandTopic = commandTopic;
            _command = new byte[commandJson.Length];
            for (int i = 0; i < commandJson.Length; i++)
            {
                _command[i] = (byte)commandJson[i];
            }
        }

        public int CommandEvery = 25;

        public long Publishes;

        public long PublishedBytes;

        public int Commands;

        public bool IsConnected
        {
            get { return _connected; }
        }

        public MqttLinkStatus Connect(MqttConnectOptions options)
        {
            _connected = true;
            return MqttLinkStatus.Ok;
        }

        public MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain)
        {
            Publishes++;
            PublishedBytes += count;
            _sinceCommand++;
            return MqttLinkStatus.Ok;
        }

        public MqttLinkStatus Subscribe(string topicFilter, MqttQos qos)
        {
            return MqttLinkStatus.Ok;
        }

        public bool TryReceive(MqttInboundMessage message)
        {
            if (!_connected || _sinceCommand < CommandEvery || message.Payload.Length < _command.Length)
            {
                return false;
            }

            _sinceCommand = 0;
            Commands++;
            message.Topic = _commandTopic;
            System.Array.Copy(_command, message.Payload, _command.Length);
            message.Length = _command.Length;
            message.Truncated = false;
            return true;
        }

        public void Disconnect()
        {
            _connected = false;
        }
    }
}
