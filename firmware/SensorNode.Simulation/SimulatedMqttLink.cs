using System.Collections;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// A broker and a connection in memory, for tests of the session and the wake cycle: records every
    /// publish, keeps retained messages, publishes the will on <see cref="Kill"/> (an ungraceful drop)
    /// but not on <see cref="Disconnect"/>, refuses connects with a chosen status, and can drop the link
    /// at the N-th publish. Allocates freely; never used on a device.
    /// </summary>
    public sealed class SimulatedMqttLink : IMqttLink
    {
        private readonly ArrayList _inbound = new ArrayList();
        private readonly ArrayList _retainedTopics = new ArrayList();
        private readonly ArrayList _retained = new ArrayList();
        private MqttConnectOptions _options;

        /// <summary>Every publish that reached the broker, in order.</summary>
        public readonly ArrayList Published = new ArrayList();

        /// <summary>Topic filters subscribed on the current connection.</summary>
        public readonly ArrayList Subscriptions = new ArrayList();

        /// <summary>Status the next connects return; Ok connects.</summary>
        public MqttLinkStatus ConnectResult = MqttLinkStatus.Ok;

        /// <summary>When ≥ 0: publishes allowed before the link drops once (the failing publish is not delivered).</summary>
        public int PublishesUntilDrop = -1;

        /// <summary>Connect attempts so far.</summary>
        public int ConnectAttempts;

        /// <summary>Graceful disconnects so far.</summary>
        public int Disconnects;

        /// <inheritdoc />
        public bool IsConnected { get; private set; }

        /// <summary>Options of the last successful connect.</summary>
        public MqttConnectOptions LastOptions
        {
            get { return _options; }
        }

        /// <inheritdoc />
        public MqttLinkStatus Connect(MqttConnectOptions options)
        {
            ConnectAttempts++;
            if (ConnectResult != MqttLinkStatus.Ok)
            {
                return ConnectResult;
            }

            _options = options;
            Subscriptions.Clear();
            IsConnected = true;
            return MqttLinkStatus.Ok;
        }

        /// <inheritdoc />
        public MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                return MqttLinkStatus.NotConnected;
            }

            if (PublishesUntilDrop == 0)
            {
                PublishesUntilDrop = -1;
                Kill();
                return MqttLinkStatus.Timeout;
            }

            if (PublishesUntilDrop > 0)
            {
                PublishesUntilDrop--;
            }

            byte[] copy = new byte[count];
            System.Array.Copy(payload, copy, count);
            Deliver(topic, copy, qos, retain);
            return MqttLinkStatus.Ok;
        }

        /// <inheritdoc />
        public MqttLinkStatus Subscribe(string topicFilter, MqttQos qos)
        {
            if (!IsConnected)
            {
                return MqttLinkStatus.NotConnected;
            }

            Subscriptions.Add(topicFilter);
            return MqttLinkStatus.Ok;
        }

        /// <inheritdoc />
        public bool TryReceive(MqttInboundMessage message)
        {
            if (!IsConnected || _inbound.Count == 0)
            {
                return false;
            }

            SimulatedMqttPublish next = (SimulatedMqttPublish)_inbound[0];
            _inbound.RemoveAt(0);
            message.Topic = next.Topic;
            message.Truncated = next.Payload.Length > message.Payload.Length;
            message.Length = message.Truncated ? message.Payload.Length : next.Payload.Length;
            System.Array.Copy(next.Payload, message.Payload, message.Length);
            return true;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            Disconnects++;
            IsConnected = false;
        }

        /// <summary>Drops the connection without DISCONNECT: the broker publishes the will.</summary>
        public void Kill()
        {
            if (!IsConnected)
            {
                return;
            }

            IsConnected = false;
            byte[] will = new byte[_options.WillPayload.Length];
            for (int i = 0; i < will.Length; i++)
            {
                will[i] = (byte)_options.WillPayload[i];
            }

            Deliver(_options.WillTopic, will, MqttQos.AtLeastOnce, true);
        }

        /// <summary>Queues a message for the node (it must be subscribed to the topic when it receives).</summary>
        public void Inject(string topic, byte[] payload)
        {
            SimulatedMqttPublish p = new SimulatedMqttPublish();
            p.Topic = topic;
            p.Payload = payload;
            _inbound.Add(p);
        }

        /// <summary>The retained payload of a topic as text, or null.</summary>
        public string RetainedText(string topic)
        {
            int i = _retainedTopics.IndexOf(topic);
            return i < 0 ? null : ((SimulatedMqttPublish)_retained[i]).Text;
        }

        /// <summary>Publishes to a topic, in order, or an empty list.</summary>
        public ArrayList On(string topic)
        {
            ArrayList list = new ArrayList();
            for (int i = 0; i < Published.Count; i++)
            {
                SimulatedMqttPublish p = (SimulatedMqttPublish)Published[i];
                if (p.Topic == topic)
                {
                    list.Add(p);
                }
            }

            return list;
        }

        private void Deliver(string topic, byte[] payload, MqttQos qos, bool retain)
        {
            SimulatedMqttPublish p = new SimulatedMqttPublish();
            p.Topic = topic;
            p.Payload = payload;
            p.Qos = qos;
            p.Retain = retain;
            Published.Add(p);
            if (retain)
            {
                int i = _retainedTopics.IndexOf(topic);
                if (i >= 0)
                {
                    _retained[i] = p;
                }
                else
                {
                    _retainedTopics.Add(topic);
                    _retained.Add(p);
                }
            }
        }
    }
}
