using System.Threading;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The duty cycle's <see cref="IUplink"/> over a <see cref="TelemetrySession"/> and its
    /// <see cref="IMqttLink"/> (docs/spec/mqtt.md §9.3, §9.6): one object per boot on the device and in
    /// the deep-sleep simulator. Before every blocking call it checks the absolute deadline and, when the
    /// link supports <see cref="IMqttCallTimeout"/>, bounds the call by the time left; a call that runs
    /// past the deadline reports <see cref="UplinkStatus.Timeout"/>. Health maps <see cref="DutyHealth"/>
    /// and the statuses of the newest published reading into the MQTT <see cref="HealthReport"/>.
    /// Discovery is published with health on a power-on boot or when <see cref="DiscoveryDue"/> is set.
    /// </summary>
    public sealed class MqttUplink : IUplink, ITrafficCounter
    {
        /// <summary>Commands taken from the link per poll while listening.</summary>
        public const int CommandsPerPoll = 4;

        /// <summary>Pause between command polls while listening, in milliseconds.</summary>
        public const int ListenPollMilliseconds = 20;

        private readonly IMqttLink _link;
        private readonly TelemetrySession _session;
        private readonly NodeConfig _config;
        private readonly IClock _clock;
        private readonly SampleRecord _newest = new SampleRecord();
        private readonly HealthReport _report = new HealthReport();
        private bool _haveNewest;

        /// <summary>
        /// Wires the adapter; <paramref name="session"/> must be built over <paramref name="link"/> (or a
        /// decorator of it, such as <see cref="MqttTrafficCounter"/>, passed here as the link).
        /// </summary>
        public MqttUplink(IMqttLink link, TelemetrySession session, NodeConfig config, IClock clock)
        {
            _link = link;
            _session = session;
            _config = config;
            _clock = clock;
        }

        /// <summary>Brings Wi-Fi up before MQTT (device); null when the network is always there (host).</summary>
        public NetworkUpHandler NetworkUp;

        /// <summary>Publish the discovery configs with the next health even on a timer wake (after a config change).</summary>
        public bool DiscoveryDue;

        /// <summary>The health report sent; set RssiDbm and FreeMemoryBytes here before the wake runs.</summary>
        public HealthReport Report
        {
            get { return _report; }
        }

        /// <summary>The session (state, last connect status).</summary>
        public TelemetrySession Session
        {
            get { return _session; }
        }

        /// <inheritdoc />
        public long BytesSent
        {
            get
            {
                ITrafficCounter c = _link as ITrafficCounter;
                return c != null ? c.BytesSent : 0;
            }
        }

        /// <inheritdoc />
        public long BytesReceived
        {
            get
            {
                ITrafficCounter c = _link as ITrafficCounter;
                return c != null ? c.BytesReceived : 0;
            }
        }

        /// <summary>Maps a link status to the duty cycle's uplink status.</summary>
        public static UplinkStatus Map(MqttLinkStatus status)
        {
            switch (status)
            {
                case MqttLinkStatus.Ok: return UplinkStatus.Ok;
                case MqttLinkStatus.Unreachable: return UplinkStatus.BrokerUnreachable;
                case MqttLinkStatus.TlsFailed: return UplinkStatus.TlsFailed;
                case MqttLinkStatus.BadCredentials:
                case MqttLinkStatus.NotAuthorized:
                case MqttLinkStatus.Refused:
                case MqttLinkStatus.Rejected:
                    return UplinkStatus.BrokerRefused;
                case MqttLinkStatus.Timeout: return UplinkStatus.Timeout;
                default: return UplinkStatus.NotConnected;
            }
        }

        /// <inheritdoc />
        public UplinkStatus Connect(long deadlineMilliseconds)
        {
            if (NetworkUp != null)
            {
                if (!Bound(deadlineMilliseconds))
                {
                    return UplinkStatus.Timeout;
                }

                UplinkStatus up = NetworkUp(deadlineMilliseconds);
                if (up != UplinkStatus.Ok)
                {
                    return up;
                }
            }

            if (!Bound(deadlineMilliseconds))
            {
                return UplinkStatus.Timeout;
            }

            return After(_session.Connect(), deadlineMilliseconds);
        }

        /// <inheritdoc />
        public int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds)
        {
            int acknowledged = 0;
            while (acknowledged < count && _session.State == SessionState.Online && Bound(deadlineMilliseconds))
            {
                int sent;
                MqttLinkStatus status = _session.PublishBatch(records, acknowledged, count - acknowledged, out sent);
                if (status != MqttLinkStatus.Ok || sent < 1)
                {
                    break;
                }

                for (int i = acknowledged; i < acknowledged + sent; i++)
                {
                    if (!_haveNewest || records[i].Sequence >= _newest.Sequence)
                    {
                        _newest.CopyFrom(records[i]);
                        _haveNewest = true;
                    }
                }

                acknowledged += sent;
            }

            return acknowledged;
        }

        /// <inheritdoc />
        public UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds)
        {
            if (_session.State != SessionState.Online)
            {
                return UplinkStatus.NotConnected;
            }

            if ((DiscoveryDue || health.LastWakeCause != WakeCause.Timer) && Bound(deadlineMilliseconds))
            {
                int period = _config.SampleIntervalSeconds * (_config.PublishEvery < 1 ? 1 : _config.PublishEvery);
                if (_session.PublishDiscovery(DiscoveryWriter.ExpireAfterSeconds(period)) == MqttLinkStatus.Ok)
                {
                    DiscoveryDue = false;
                }
            }

            Fill(health);
            if (!Bound(deadlineMilliseconds))
            {
                return UplinkStatus.Timeout;
            }

            return After(_session.PublishHealth(_report), deadlineMilliseconds);
        }

        /// <inheritdoc />
        public UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds)
        {
            if (_session.State != SessionState.Online)
            {
                return UplinkStatus.NotConnected;
            }

            return Bound(deadlineMilliseconds) ? After(_session.PublishState(latest), deadlineMilliseconds) : UplinkStatus.Timeout;
        }

        /// <inheritdoc />
        public int ProcessCommands(long deadlineMilliseconds)
        {
            int handled = 0;
            IDelay delay = _clock as IDelay;
            while (_session.State == SessionState.Online && Bound(deadlineMilliseconds))
            {
                int n = _session.ProcessCommands(CommandsPerPoll);
                handled += n;
                if (n == 0)
                {
                    long left = deadlineMilliseconds - _clock.MonotonicMilliseconds;
                    int pause = left < ListenPollMilliseconds ? (int)left : ListenPollMilliseconds;
                    if (pause <= 0)
                    {
                        break;
                    }

                    if (delay != null)
                    {
                        delay.Wait(pause);
                    }
                    else
                    {
                        Thread.Sleep(pause);
                    }
                }
            }

            return handled;
        }

        /// <inheritdoc />
        public UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds)
        {
            if (_session.State != SessionState.Online)
            {
                _session.Close();
                return UplinkStatus.NotConnected;
            }

            if (!Bound(deadlineMilliseconds))
            {
                // No time left to announce: close at once; the retained status stays "online" and
                // expire_after marks the entities stale if the node never comes back.
                SetTimeout(1);
                _session.Close();
                return UplinkStatus.Timeout;
            }

            long seconds = (sleepMilliseconds + 999) / 1000;
            return After(_session.Sleep(nextWakeUnixMilliseconds, seconds > int.MaxValue ? int.MaxValue : (int)seconds), deadlineMilliseconds);
        }

        private void Fill(DutyHealth health)
        {
            _report.BootCount = (uint)health.Wakes;
            _report.ResetReason = health.LastWakeCause == WakeCause.PowerOn
                ? ResetReason.PowerOn
                : (health.LastWakeCause == WakeCause.Unknown ? ResetReason.Unknown : ResetReason.DeepSleepWake);
            _report.UptimeSeconds = health.AwakeMilliseconds / 1000;
            _report.BufferFill = health.ReadingsRetained;
            _report.BufferCapacity = health.CapacityReadings;
            _report.ReadingsDropped = (uint)health.ReadingsDropped;
            _report.ConfigVersion = _config.ConfigVersion;
            for (int c = 0; c < _report.SensorErrors.Length; c++)
            {
                _report.SensorErrors[c] = 0;
            }

            int failed = _haveNewest ? _report.CountErrors(_newest) : 0;
            _report.UpdateLevel(failed, health.ReadingsRetained >= health.CapacityReadings);
        }

        // True when time is left before the deadline; bounds the next blocking link call by it.
        private bool Bound(long deadlineMilliseconds)
        {
            long left = deadlineMilliseconds - _clock.MonotonicMilliseconds;
            if (left <= 0)
            {
                return false;
            }

            SetTimeout(left > int.MaxValue ? int.MaxValue : (int)left);
            return true;
        }

        private void SetTimeout(int milliseconds)
        {
            IMqttCallTimeout t = _link as IMqttCallTimeout;
            if (t != null)
            {
                t.CallTimeoutMilliseconds = milliseconds;
            }
        }

        private UplinkStatus After(MqttLinkStatus status, long deadlineMilliseconds)
        {
            if (status != MqttLinkStatus.Ok && _clock.MonotonicMilliseconds >= deadlineMilliseconds)
            {
                return UplinkStatus.Timeout;
            }

            return Map(status);
        }
    }
}
