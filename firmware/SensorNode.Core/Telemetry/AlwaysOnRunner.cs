using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Always-on mode (docs/spec/mqtt.md §9.4): sample every interval, keep readings in RAM until the
    /// broker acknowledges them, publish each sample as soon as the session is online, answer commands,
    /// reconnect with back-off. Call <see cref="Step"/> in a loop; it never blocks longer than one
    /// link call and allocates nothing.
    /// </summary>
    public sealed class AlwaysOnRunner
    {
        /// <summary>Health is published after every this many samples (and after each connect).</summary>
        public const int HealthEverySamples = 10;

        private readonly TelemetrySession _session;
        private readonly ISampleSource _source;
        private readonly IClock _clock;
        private readonly NodeConfig _config;
        private readonly HealthReport _health;
        private readonly ISessionObserver _observer;
        private readonly PendingReadings _pending;
        private readonly SampleRecord _sample = new SampleRecord();
        private readonly SampleRecord _latest = new SampleRecord();
        private long _nextSampleAtMilliseconds;
        private bool _discoveryDone;
        private bool _healthDue = true;
        private bool _stateDue;
        private bool _wasOnline;
        private uint _droppedReported;
        private int _samplesSinceHealth;

        /// <summary>Creates the runner; the first sample is due immediately.</summary>
        public AlwaysOnRunner(TelemetrySession session, ISampleSource source, IClock clock, NodeConfig config, HealthReport health, PendingReadings pending, ISessionObserver observer)
        {
            _session = session;
            _source = source;
            _clock = clock;
            _config = config;
            _health = health;
            _pending = pending;
            _observer = observer;
            _nextSampleAtMilliseconds = clock.MonotonicMilliseconds;
        }

        /// <summary>Sequence number of the next sample; set it from persistent storage before the first step.</summary>
        public uint NextSequence;

        /// <summary>Samples taken since start.</summary>
        public long SamplesTaken { get; private set; }

        /// <summary>Readings waiting for the broker.</summary>
        public PendingReadings Pending
        {
            get { return _pending; }
        }

        /// <summary>Milliseconds until the next sample is due (0 when due now).</summary>
        public long MillisecondsUntilSample
        {
            get
            {
                long wait = _nextSampleAtMilliseconds - _clock.MonotonicMilliseconds;
                return wait < 0 ? 0 : wait;
            }
        }

        /// <summary>Publishes the discovery configs again at the next step (after the interval changed, expire_after did too).</summary>
        public void RequestDiscovery()
        {
            _discoveryDone = false;
        }

        /// <summary>Samples when due; connects, publishes pending readings and answers commands when possible.</summary>
        public void Step(bool allowSample)
        {
            long now = _clock.MonotonicMilliseconds;
            if (allowSample && now >= _nextSampleAtMilliseconds)
            {
                TakeSample();
                _nextSampleAtMilliseconds += (long)_config.SampleIntervalSeconds * 1000;
                if (_nextSampleAtMilliseconds < now)
                {
                    _nextSampleAtMilliseconds = now + ((long)_config.SampleIntervalSeconds * 1000);
                }
            }

            bool online = _session.Poll() == SessionState.Online;
            if (online && !_wasOnline)
            {
                _healthDue = true;
            }

            _wasOnline = online;
            if (!online)
            {
                return;
            }

            if (!_discoveryDone)
            {
                _discoveryDone = _session.PublishDiscovery(DiscoveryWriter.ExpireAfterSeconds(_config.SampleIntervalSeconds)) == MqttLinkStatus.Ok;
            }

            Flush();
            if (_stateDue && _session.PublishState(_latest) == MqttLinkStatus.Ok)
            {
                _stateDue = false;
            }

            if (_healthDue)
            {
                FillHealth();
                _healthDue = _session.PublishHealth(_health) != MqttLinkStatus.Ok;
                _samplesSinceHealth = 0;
            }

            _session.ProcessCommands(4);
        }

        private void TakeSample()
        {
            _sample.Clear();
            _source.Sample(_sample);
            _sample.Sequence = NextSequence++;
            long unix;
            _sample.UnixMilliseconds = _clock.TryGetUnixMilliseconds(out unix) ? unix : 0;
            int failed = _health.CountErrors(_sample);
            uint oldest = _pending.Count == _pending.Capacity ? _pending.Ring[_pending.Start].Sequence : 0;
            if (!_pending.Add(_sample) && _observer != null)
            {
                _observer.Dropped(oldest);
            }

            _latest.CopyFrom(_sample);
            _stateDue = true;
            _health.UpdateLevel(failed, _pending.Dropped != _droppedReported);
            SamplesTaken++;
            if (++_samplesSinceHealth >= HealthEverySamples)
            {
                _healthDue = true;
            }

            if (_observer != null)
            {
                _observer.Sampled(_sample);
            }
        }

        private void Flush()
        {
            while (_pending.Count > 0)
            {
                int sent;
                if (_session.PublishBatch(_pending.Ring, _pending.Start, _pending.Count, out sent) != MqttLinkStatus.Ok)
                {
                    return;
                }

                _pending.RemoveOldest(sent);
            }
        }

        private void FillHealth()
        {
            _health.UptimeSeconds = _clock.MonotonicMilliseconds / 1000;
            _health.BufferFill = _pending.Count;
            _health.BufferCapacity = _pending.Capacity;
            _health.ReadingsDropped = _pending.Dropped;
            _health.ConfigVersion = _config.ConfigVersion;
            _droppedReported = _pending.Dropped;
        }
    }
}
