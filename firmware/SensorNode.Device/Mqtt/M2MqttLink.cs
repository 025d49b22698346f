using System;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Mqtt
{
    /// <summary>
    /// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt 5.1.220 (MQTT 3.1.1, TLS 1.2): the broker is
    /// verified against the provisioned CA; an optional client certificate; credentials, keep-alive and
    /// the will go in the 10-argument Connect; publishes use the 6-argument Publish (there is no 4-argument
    /// one) and wait for PUBACK. Plain MQTT is only used when TLS was switched off in the configuration,
    /// and then every connect prints a warning. Exceptions from the library become statuses; a failed TLS handshake
    /// or certificate check is told apart from an unreachable broker by MqttConnectError.
    /// </summary>
    public sealed class M2MqttLink : IMqttLink
    {
        private const int InboundSlots = 4;
        private const int AckSlots = 8;

        private readonly string _host;
        private readonly int _port;
        private readonly bool _useTls;
        private readonly X509Certificate _ca;
        private readonly X509Certificate _clientCertificate;
        private readonly int _timeoutMilliseconds;
        private readonly object _sync = new object();
        private readonly AutoResetEvent _acked = new AutoResetEvent(false);
        private readonly ushort[] _ackedIds = new ushort[AckSlots];
        private readonly bool[] _ackedOk = new bool[AckSlots];
        private readonly string[] _inboundTopics = new string[InboundSlots];
        private readonly byte[][] _inboundPayloads = new byte[InboundSlots][];
        private readonly string[] _oneTopic = new string[1];
        private readonly MqttQoSLevel[] _oneQos = new MqttQoSLevel[1];
        private MqttClient _client;
        private int _ackCount;
        private int _inboundStart;
        private int _inboundCount;
        private ushort _subscribedId;
        private bool _subscribeGranted;

        /// <summary>
        /// Creates the link. <paramref name="caPem"/> (PEM bytes) is required when <paramref name="useTls"/>;
        /// <paramref name="clientCertPem"/> and <paramref name="clientKeyPem"/> are optional (mutual TLS).
        /// </summary>
        public M2MqttLink(string host, int port, bool useTls, byte[] caPem, byte[] clientCertPem, string clientKeyPem, int timeoutMilliseconds)
        {
            if (useTls && caPem == null)
            {
                // Verifying against the device's stored bundle would silently trust whatever is there.
                throw new ArgumentException("TLS needs the broker's CA certificate");
            }

            _host = host;
            _port = port;
            _useTls = useTls;
            _timeoutMilliseconds = timeoutMilliseconds;
            _ca = useTls ? new X509Certificate(caPem) : null;
            _clientCertificate = useTls && clientCertPem != null ? new X509Certificate2(clientCertPem, clientKeyPem, null) : null;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _client != null && _client.IsConnected; }
        }

        /// <summary>The last failure, for the debug log and health; empty when none.</summary>
        public string LastError { get; private set; }

        /// <inheritdoc />
        public MqttLinkStatus Connect(MqttConnectOptions options)
        {
            LastError = string.Empty;
            Release();
            if (!_useTls)
            {
                Debug.WriteLine("WARNING: TLS is disabled in this node's configuration: MQTT credentials and readings travel in clear text");
            }

            try
            {
                // Resolves the host name (MqttNetworkChannel's constructor): a failure here is never TLS.
                _client = new MqttClient(_host, _port, _useTls, _ca, _clientCertificate, _useTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
                Release();
                return MqttConnectError.Classify(ex, true, _useTls);
            }

            try
            {
                _client.Settings.ValidateServerCertificate = true;
                _client.MqttMsgPublished += OnPublished;
                _client.MqttMsgSubscribed += OnSubscribed;
                _client.MqttMsgPublishReceived += OnReceived;
                MqttReasonCode code = _client.Connect(
                    options.ClientId,
                    Empty(options.Username) ? null : options.Username,
                    Empty(options.Username) ? null : options.Password,
                    true,
                    MqttQoSLevel.AtLeastOnce,
                    true,
                    options.WillTopic,
                    options.WillPayload,
                    true,
                    (ushort)options.KeepAliveSeconds);
                return FromConnack(code);
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
                Release();
                return MqttConnectError.Classify(ex, false, _useTls);
            }
        }

        /// <inheritdoc />
        public MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                return MqttLinkStatus.NotConnected;
            }

            // M2Mqtt sends the whole array, so the payload needs an exact-length copy (one per publish).
            byte[] message = payload;
            if (count != payload.Length)
            {
                message = new byte[count];
                Array.Copy(payload, message, count);
            }

            ushort id;
            try
            {
                id = _client.Publish(topic, message, null, null, qos == MqttQos.AtLeastOnce ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce, retain);
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
                return IsConnected ? MqttLinkStatus.Timeout : MqttLinkStatus.NotConnected;
            }

            return qos == MqttQos.AtMostOnce ? MqttLinkStatus.Ok : WaitForAck(id);
        }

        /// <inheritdoc />
        public MqttLinkStatus Subscribe(string topicFilter, MqttQos qos)
        {
            if (!IsConnected)
            {
                return MqttLinkStatus.NotConnected;
            }

            _oneTopic[0] = topicFilter;
            _oneQos[0] = qos == MqttQos.AtLeastOnce ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
            try
            {
                lock (_sync)
                {
                    _subscribedId = 0;
                }

                ushort id = _client.Subscribe(_oneTopic, _oneQos);
                long deadline = DateTime.UtcNow.Ticks + ((long)_timeoutMilliseconds * TimeSpan.TicksPerMillisecond);
                while (DateTime.UtcNow.Ticks < deadline)
                {
                    lock (_sync)
                    {
                        if (_subscribedId == id)
                        {
                            return _subscribeGranted ? MqttLinkStatus.Ok : MqttLinkStatus.Rejected;
                        }
                    }

                    _acked.WaitOne(50, false);
                }
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
            }

            return IsConnected ? MqttLinkStatus.Timeout : MqttLinkStatus.NotConnected;
        }

        /// <inheritdoc />
        public bool TryReceive(MqttInboundMessage message)
        {
            string topic;
            byte[] payload;
            lock (_sync)
            {
                if (_inboundCount == 0)
                {
                    return false;
                }

                topic = _inboundTopics[_inboundStart];
                payload = _inboundPayloads[_inboundStart];
                _inboundPayloads[_inboundStart] = null;
                _inboundStart = (_inboundStart + 1) % InboundSlots;
                _inboundCount--;
            }

            message.Topic = topic;
            message.Truncated = payload.Length > message.Payload.Length;
            message.Length = message.Truncated ? message.Payload.Length : payload.Length;
            Array.Copy(payload, message.Payload, message.Length);
            return true;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            try
            {
                if (IsConnected)
                {
                    _client.Disconnect();
                }
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
            }

            Release();
        }

        private MqttLinkStatus WaitForAck(ushort id)
        {
            long deadline = DateTime.UtcNow.Ticks + ((long)_timeoutMilliseconds * TimeSpan.TicksPerMillisecond);
            while (DateTime.UtcNow.Ticks < deadline)
            {
                lock (_sync)
                {
                    for (int i = 0; i < AckSlots; i++)
                    {
                        if (_ackedIds[i] == id && id != 0)
                        {
                            _ackedIds[i] = 0;
                            return _ackedOk[i] ? MqttLinkStatus.Ok : MqttLinkStatus.Rejected;
                        }
                    }
                }

                if (!IsConnected)
                {
                    return MqttLinkStatus.NotConnected;
                }

                _acked.WaitOne(50, false);
            }

            return MqttLinkStatus.Timeout;
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_sync)
            {
                int slot = _ackCount++ % AckSlots;
                _ackedIds[slot] = e.MessageId;
                _ackedOk[slot] = e.IsPublished;
            }

            _acked.Set();
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            lock (_sync)
            {
                _subscribedId = e.MessageId;
                _subscribeGranted = e.GrantedQoSLevels != null && e.GrantedQoSLevels.Length > 0 && e.GrantedQoSLevels[0] != MqttQoSLevel.GrantedFailure;
            }

            _acked.Set();
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_sync)
            {
                if (_inboundCount == InboundSlots)
                {
                    return;
                }

                int slot = (_inboundStart + _inboundCount) % InboundSlots;
                _inboundTopics[slot] = e.Topic;
                _inboundPayloads[slot] = e.Message;
                _inboundCount++;
            }
        }

        private MqttLinkStatus FromConnack(MqttReasonCode code)
        {
            switch (code)
            {
                case MqttReasonCode.Success:
                    return MqttLinkStatus.Ok;
                case MqttReasonCode.ConnectionRefusedBadUserNameOrPassword:
                case MqttReasonCode.BadUserNameOrPassword:
                    return MqttLinkStatus.BadCredentials;
                case MqttReasonCode.ConnectionRefusedNotAuthorized:
                case MqttReasonCode.NotAuthorized:
                case MqttReasonCode.ConnectionRefusedIdentifierRejected:
                    return MqttLinkStatus.NotAuthorized;
                default:
                    return MqttLinkStatus.Refused;
            }
        }

        private void Release()
        {
            MqttClient client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }

            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgSubscribed -= OnSubscribed;
            client.MqttMsgPublishReceived -= OnReceived;
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
                // The connection is gone either way; the next Connect builds a new client.
            }
        }

        private static bool Empty(string text)
        {
            return text == null || text.Length == 0;
        }
    }
}
