using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The deep-sleep wake's uplink (device and simulator) with the update step between listening for commands and announcing sleep:
    /// boot events, reports and the trial's confirmation once online, then an order or a pending download for
    /// the time left before the wake's radio deadline (keeping <see cref="DisconnectReserveMilliseconds"/>), at
    /// most NodeConfig.OtaMaxExtraAwakeMilliseconds. The wake is not extended: a large image arrives over
    /// several wakes (HTTP Range resumes it), and an installed image runs at the next wake, which is a reset.
    /// </summary>
    public sealed class OtaWakeUplink : IUplink, ITrafficCounter
    {
        /// <summary>Download rate assumed on the ESP32's Wi-Fi, bytes per second.</summary>
        public const int AssumedBytesPerSecond = 16384;

        /// <summary>Time kept for verifying a complete image (SHA-256 and RSA-3072 in managed code), in milliseconds.</summary>
        public const int VerifyMilliseconds = 5000;

        /// <summary>Time kept before the deadline to announce sleep, in milliseconds.</summary>
        public const int DisconnectReserveMilliseconds = 2000;

        private readonly IUplink _inner;
        private readonly TelemetrySession _session;
        private readonly OtaAgent _ota;
        private readonly NodeConfig _config;
        private readonly IClock _clock;
        private long _radioDeadlineMilliseconds;

        /// <summary>Wraps <paramref name="inner"/>, whose MQTT session is <paramref name="session"/>.</summary>
        public OtaWakeUplink(IUplink inner, TelemetrySession session, OtaAgent ota, NodeConfig config, IClock clock)
        {
            _inner = inner;
            _session = session;
            _ota = ota;
            _config = config;
            _clock = clock;
        }

        /// <summary>What the update step of this wake returned (Idle when nothing ran).</summary>
        public OtaOutcome LastOutcome { get; private set; }

        /// <inheritdoc />
        public long BytesSent
        {
            get
            {
                ITrafficCounter c = _inner as ITrafficCounter;
                return c != null ? c.BytesSent : 0;
            }
        }

        /// <inheritdoc />
        public long BytesReceived
        {
            get
            {
                ITrafficCounter c = _inner as ITrafficCounter;
                return c != null ? c.BytesReceived : 0;
            }
        }

        /// <inheritdoc />
        public UplinkStatus Connect(long deadlineMilliseconds)
        {
            // The wake's radio deadline (ProcessCommands only gets the end of the listen window).
            _radioDeadlineMilliseconds = deadlineMilliseconds;
            return _inner.Connect(deadlineMilliseconds);
        }

        /// <inheritdoc />
        public int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds)
        {
            return _inner.PublishBatch(records, count, deadlineMilliseconds);
        }

        /// <inheritdoc />
        public UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds)
        {
            return _inner.PublishHealth(health, deadlineMilliseconds);
        }

        /// <inheritdoc />
        public UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds)
        {
            return _inner.PublishState(latest, deadlineMilliseconds);
        }

        /// <inheritdoc />
        public int ProcessCommands(long deadlineMilliseconds)
        {
            int handled = _inner.ProcessCommands(deadlineMilliseconds);
            _ota.AfterOnline(_session);
            long left = _radioDeadlineMilliseconds - DisconnectReserveMilliseconds - _clock.MonotonicMilliseconds;
            long cap = left < _config.OtaMaxExtraAwakeMilliseconds ? left : _config.OtaMaxExtraAwakeMilliseconds;
            LastOutcome = _ota.RunWithin(new OtaWakeBudget(AssumedBytesPerSecond, VerifyMilliseconds, cap < 0 ? 0 : (int)cap));
            _ota.AfterOnline(_session);
            return handled;
        }

        /// <inheritdoc />
        public UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds)
        {
            return _inner.Disconnect(sleepMilliseconds, nextWakeUnixMilliseconds, deadlineMilliseconds);
        }
    }
}
