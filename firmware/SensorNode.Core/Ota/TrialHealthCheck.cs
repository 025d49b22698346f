using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The health check of a trial image (docs/spec/ota-slots.md §3, mqtt.md §11.4), as a session
    /// observer: passed once this boot connected to the broker and then had a telemetry, state or health
    /// publish acknowledged. Forwards every event to the inner observer (may be null). The node's loop
    /// calls <see cref="Ota.OtaUpdater.Confirm"/> when <see cref="Passed"/> turns true.
    /// </summary>
    public sealed class TrialHealthCheck : ISessionObserver
    {
        private readonly ISessionObserver _inner;
        private readonly MqttTopics _topics;
        private bool _connected;

        /// <summary>Watches the session of <paramref name="topics"/>.</summary>
        public TrialHealthCheck(MqttTopics topics, ISessionObserver inner)
        {
            _topics = topics;
            _inner = inner;
        }

        /// <summary>True once connected and a data publish was acknowledged.</summary>
        public bool Passed { get; private set; }

        /// <inheritdoc />
        public void Connected(MqttLinkStatus status, int attempt)
        {
            if (status == MqttLinkStatus.Ok)
            {
                _connected = true;
            }

            if (_inner != null)
            {
                _inner.Connected(status, attempt);
            }
        }

        /// <inheritdoc />
        public void Published(string topic, int bytes, MqttLinkStatus status)
        {
            if (_connected && status == MqttLinkStatus.Ok && (topic == _topics.Telemetry || topic == _topics.State || topic == _topics.Health))
            {
                Passed = true;
            }

            if (_inner != null)
            {
                _inner.Published(topic, bytes, status);
            }
        }

        /// <inheritdoc />
        public void Sampled(SampleRecord record)
        {
            if (_inner != null)
            {
                _inner.Sampled(record);
            }
        }

        /// <inheritdoc />
        public void CommandHandled(Command command, CommandStatus status)
        {
            if (_inner != null)
            {
                _inner.CommandHandled(command, status);
            }
        }

        /// <inheritdoc />
        public void Dropped(uint sequence)
        {
            if (_inner != null)
            {
                _inner.Dropped(sequence);
            }
        }
    }
}
