using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The node's MQTT session over an <see cref="IMqttLink"/>: connect with the offline will, announce
    /// online, subscribe to cmd, publish batches, state, health and discovery, answer commands, and
    /// announce sleeping before a graceful disconnect. This is the seam of docs/spec/mqtt.md §9.3 used by
    /// both the always-on runner and the deep-sleep wake cycle. Buffers are allocated here; publishing
    /// allocates nothing in the core (adapters may copy).
    /// </summary>
    public sealed class TelemetrySession
    {
        /// <summary>Shortest wait after a failed connect, milliseconds.</summary>
        public const int MinBackoffMilliseconds = 1000;

        private readonly IMqttLink _link;
        private readonly MqttTopics _topics;
        private readonly MqttConnectOptions _options;
        private readonly ICommandHandler _handler;
        private readonly IClock _clock;
        private readonly ISessionObserver _observer;
        private readonly byte[] _batch;
        private readonly byte[] _text = new byte[1024];
        private readonly string[] _discoveryTopics = new string[DiscoveryWriter.Count];
        private readonly TelemetryBatchEncoder _encoder = new TelemetryBatchEncoder();
        private readonly StateWriter _state = new StateWriter();
        private readonly HealthWriter _health = new HealthWriter();
        private readonly SleepWriter _sleep = new SleepWriter();
        private readonly DiscoveryWriter _discovery = new DiscoveryWriter();
        private readonly CommandParser _parser = new CommandParser();
        private readonly CommandResultWriter _result = new CommandResultWriter();
        private readonly Command _command = new Command();
        private readonly MqttInboundMessage _inbound = new MqttInboundMessage(CommandParser.MaxPayloadBytes);
        private long _retryAtMilliseconds;
        private int _failures;

        /// <summary>Creates a session; <paramref name="maxBatchReadings"/> bounds one telemetry publish (1..255).</summary>
        public TelemetrySession(IMqttLink link, MqttTopics topics, MqttConnectOptions options, ICommandHandler handler, IClock clock, ISessionObserver observer, int maxBatchReadings)
        {
            _link = link;
            _topics = topics;
            _options = options;
            _handler = handler;
            _clock = clock;
            _observer = observer;
            options.WillTopic = topics.Status;
            options.WillPayload = StatusPayload.Offline;
            MaxBatchReadings = maxBatchReadings < 1 ? 1 : (maxBatchReadings > TelemetryFormat.MaxReadings ? TelemetryFormat.MaxReadings : maxBatchReadings);
            _batch = new byte[TelemetryFormat.BatchSize(MaxBatchReadings)];
            for (int i = 0; i < DiscoveryWriter.Count; i++)
            {
                _discoveryTopics[i] = topics.DiscoveryConfig(DiscoveryWriter.Components[i], DiscoveryWriter.ObjectIds[i]);
            }
        }

        /// <summary>Current state.</summary>
        public SessionState State { get; private set; }

        /// <summary>Status of the last connect attempt.</summary>
        public MqttLinkStatus LastConnectStatus { get; private set; }

        /// <summary>Most readings one <see cref="PublishBatch"/> sends.</summary>
        public int MaxBatchReadings { get; private set; }

        /// <summary>Longest wait between connect attempts, milliseconds.</summary>
        public int MaxBackoffMilliseconds = 15000;

        /// <summary>The node's topics.</summary>
        public MqttTopics Topics
        {
            get { return _topics; }
        }

        /// <summary>
        /// One step of the connection state machine (always-on mode): connects when disconnected or when
        /// the back-off has passed, notices a dropped link. Returns the state afterwards.
        /// </summary>
        public SessionState Poll()
        {
            switch (State)
            {
                case SessionState.Disconnected:
                    Connect();
                    break;
                case SessionState.Backoff:
                    if (_clock.MonotonicMilliseconds >= _retryAtMilliseconds)
                    {
                        Connect();
                    }

                    break;
                case SessionState.Online:
                    if (!_link.IsConnected)
                    {
                        EnterBackoff();
                    }

                    break;
                case SessionState.Asleep:
                    break;
            }

            return State;
        }

        /// <summary>Connects with the will, publishes online (retained, QoS 1) and subscribes to cmd.</summary>
        public MqttLinkStatus Connect()
        {
            MqttLinkStatus status = _link.Connect(_options);
            if (status == MqttLinkStatus.Ok)
            {
                status = _link.Publish(_topics.Status, StatusPayload.OnlineBytes, StatusPayload.OnlineBytes.Length, MqttQos.AtLeastOnce, true);
            }

            if (status == MqttLinkStatus.Ok)
            {
                status = _link.Subscribe(_topics.Command, MqttQos.AtLeastOnce);
            }

            LastConnectStatus = status;
            _failures = status == MqttLinkStatus.Ok ? 0 : _failures + 1;
            if (_observer != null)
            {
                _observer.Connected(status, _failures);
            }

            if (status == MqttLinkStatus.Ok)
            {
                State = SessionState.Online;
            }
            else
            {
                if (_link.IsConnected)
                {
                    _link.Disconnect();
                }

                EnterBackoff();
            }

            return status;
        }

        /// <summary>Publishes every discovery config, retained, QoS 1.</summary>
        public MqttLinkStatus PublishDiscovery(int expireAfterSeconds)
        {
            for (int i = 0; i < DiscoveryWriter.Count; i++)
            {
                int length = _discovery.Write(i, _topics, expireAfterSeconds, _text, 0, _text.Length);
                MqttLinkStatus status = Send(_discoveryTopics[i], _text, length, true);
                if (status != MqttLinkStatus.Ok)
                {
                    return status;
                }
            }

            return MqttLinkStatus.Ok;
        }

        /// <summary>
        /// Publishes up to <see cref="MaxBatchReadings"/> readings of a ring (from <paramref name="start"/>,
        /// wrapping) as one telemetry batch, QoS 1. Ok means the broker has them: the caller may then
        /// drop them from its buffer. <paramref name="sent"/> is how many readings went.
        /// </summary>
        public MqttLinkStatus PublishBatch(SampleRecord[] ring, int start, int count, out int sent)
        {
            sent = count > MaxBatchReadings ? MaxBatchReadings : count;
            int length;
            if (sent < 1 || _encoder.Encode(ring, start, sent, _batch, 0, _batch.Length, out length) != BatchStatus.Ok)
            {
                sent = 0;
                return MqttLinkStatus.Rejected;
            }

            MqttLinkStatus status = Send(_topics.Telemetry, _batch, length, false);
            if (status != MqttLinkStatus.Ok)
            {
                sent = 0;
            }

            return status;
        }

        /// <summary>Publishes the latest values to state, retained, QoS 1.</summary>
        public MqttLinkStatus PublishState(SampleRecord latest)
        {
            return Send(_topics.State, _text, _state.Write(latest, _text, 0, _text.Length), true);
        }

        /// <summary>Publishes health, retained, QoS 1.</summary>
        public MqttLinkStatus PublishHealth(HealthReport report)
        {
            return Send(_topics.Health, _text, _health.Write(report, _text, 0, _text.Length), true);
        }

        /// <summary>Publishes an OTA report (docs/spec/mqtt.md §11) to &lt;base&gt;/ota, retained, QoS 1.</summary>
        public MqttLinkStatus PublishOta(byte[] payload, int length)
        {
            return Send(_topics.Ota, payload, length, true);
        }

        /// <summary>
        /// Handles up to <paramref name="max"/> received commands: parse, execute when valid, publish the
        /// result to cmd/result (QoS 1). Returns how many were handled.
        /// </summary>
        public int ProcessCommands(int max)
        {
            int handled = 0;
            while (handled < max && _link.TryReceive(_inbound))
            {
                handled++;
                CommandStatus status = _inbound.Truncated
                    ? CommandStatus.TooLong
                    : _parser.Parse(_inbound.Payload, 0, _inbound.Length, _command);
                if (_inbound.Truncated)
                {
                    _command.Clear();
                }

                if (status == CommandStatus.Ok)
                {
                    status = _handler == null ? CommandStatus.Unsupported : _handler.Execute(_command);
                }

                if (_observer != null)
                {
                    _observer.CommandHandled(_command, status);
                }

                Send(_topics.CommandResult, _text, _result.Write(_command, status, _text, 0, _text.Length), false);
            }

            return handled;
        }

        /// <summary>
        /// Announces deep sleep: sleep JSON (retained), then status "sleeping" (retained, QoS 1), then a
        /// graceful DISCONNECT so the broker does not publish the will. The session is Asleep afterwards.
        /// </summary>
        public MqttLinkStatus Sleep(long nextWakeUnixMilliseconds, int sleepSeconds)
        {
            MqttLinkStatus status = Send(_topics.Sleep, _text, _sleep.Write(nextWakeUnixMilliseconds, sleepSeconds, _text, 0, _text.Length), true);
            if (status == MqttLinkStatus.Ok)
            {
                status = Send(_topics.Status, StatusPayload.SleepingBytes, StatusPayload.SleepingBytes.Length, true);
            }

            if (_link.IsConnected)
            {
                _link.Disconnect();
            }

            State = SessionState.Asleep;
            return status;
        }

        /// <summary>Deliberate shutdown of an always-on node: publishes "offline" (retained, QoS 1) itself, then disconnects.</summary>
        public MqttLinkStatus GoOffline()
        {
            MqttLinkStatus status = Send(_topics.Status, StatusPayload.OfflineBytes, StatusPayload.OfflineBytes.Length, true);
            Close();
            return status;
        }

        /// <summary>Disconnects gracefully without announcing anything (the broker keeps the last status).</summary>
        public void Close()
        {
            if (_link.IsConnected)
            {
                _link.Disconnect();
            }

            State = SessionState.Disconnected;
        }

        private MqttLinkStatus Send(string topic, byte[] payload, int length, bool retain)
        {
            MqttLinkStatus status;
            if (length <= 0)
            {
                // A writer needed more room than the buffer has: a programming error, reported not thrown.
                status = MqttLinkStatus.Rejected;
            }
            else if (State != SessionState.Online)
            {
                status = MqttLinkStatus.NotConnected;
            }
            else
            {
                status = _link.Publish(topic, payload, length, MqttQos.AtLeastOnce, retain);
                if (status != MqttLinkStatus.Ok && !_link.IsConnected)
                {
                    EnterBackoff();
                }
            }

            if (_observer != null)
            {
                _observer.Published(topic, length, status);
            }

            return status;
        }

        private void EnterBackoff()
        {
            int shift = _failures < 1 ? 0 : (_failures > 10 ? 10 : _failures - 1);
            long delay = (long)MinBackoffMilliseconds << shift;
            if (delay > MaxBackoffMilliseconds)
            {
                delay = MaxBackoffMilliseconds;
            }

            _retryAtMilliseconds = _clock.MonotonicMilliseconds + delay;
            State = SessionState.Backoff;
        }
    }
}
