using System.Collections;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// A fake network and broker behind <see cref="IUplink"/> for tests and the deep-sleep simulator. It
    /// outlives the node's boots (it is the world, not the node's RAM) and spends fake time on a
    /// <see cref="SimulatedClock"/>, never beyond a call's deadline. Faults: the first K connection
    /// attempts fail, a broker that accepts TCP and never answers (every call runs to its deadline), a
    /// broker that acknowledges only part of each batch. Bytes are counted with a simple size model.
    /// </summary>
    public sealed class SimulatedUplink : IUplink, ITrafficCounter
    {
        private readonly SimulatedClock _clock;
        private readonly ArrayList _published = new ArrayList();
        private readonly ArrayList _publishedTemperatures = new ArrayList();
        private bool _connected;

        /// <summary>Creates a healthy network and broker on the given clock.</summary>
        public SimulatedUplink(SimulatedClock clock)
        {
            _clock = clock;
        }

        /// <summary>Time for Wi-Fi plus TLS plus MQTT CONNECT, in milliseconds.</summary>
        public int ConnectMilliseconds = 1500;

        /// <summary>Time per published reading until its PUBACK, in milliseconds.</summary>
        public int PublishMillisecondsPerReading = 20;

        /// <summary>Time per health, state or disconnect exchange, in milliseconds.</summary>
        public int ExchangeMilliseconds = 20;

        /// <summary>Connection attempts still to fail (the broker is down for this many attempts).</summary>
        public int FailConnects;

        /// <summary>Status a failing attempt returns.</summary>
        public UplinkStatus FailStatus = UplinkStatus.BrokerUnreachable;

        /// <summary>Time a failing attempt takes, in milliseconds.</summary>
        public int FailMilliseconds = 3000;

        /// <summary>When true the broker accepts TCP and never answers: every call spends time up to its deadline.</summary>
        public bool Silent;

        /// <summary>When true the supply collapses when the radio transmits: Connect throws <see cref="PowerCutException"/> (a brownout reset).</summary>
        public bool BrownoutOnConnect;

        /// <summary>When true the broker completes CONNECT and then never answers (no PUBACK, no reply).</summary>
        public bool SilentAfterConnect;

        /// <summary>Most readings acknowledged per batch call (-1 = all).</summary>
        public int AckLimitPerBatch = -1;

        /// <summary>When non-zero, a successful connect sets the wall clock (SNTP) to this Unix time plus true time.</summary>
        public long SntpUnixAtTrueZero;

        /// <summary>Modelled MQTT bytes per session (TLS handshake, CONNECT, SUBSCRIBE, DISCONNECT).</summary>
        public int BytesPerSession = 4200;

        /// <summary>Modelled bytes per reading in a batch (JSON object plus its share of PUBLISH framing).</summary>
        public int BytesPerReading = 96;

        /// <summary>Connection attempts.</summary>
        public int ConnectAttempts { get; private set; }

        /// <summary>Successful connections.</summary>
        public int Sessions { get; private set; }

        /// <summary>Health messages published.</summary>
        public int HealthPublished { get; private set; }

        /// <summary>The last health published (a reference to the node's object).</summary>
        public DutyHealth LastHealth { get; private set; }

        /// <summary>Clean disconnects announcing sleep.</summary>
        public int SleepAnnouncements { get; private set; }

        /// <summary>The last announced sleep, in milliseconds.</summary>
        public long LastAnnouncedSleepMilliseconds { get; private set; }

        /// <inheritdoc />
        public long BytesSent { get; private set; }

        /// <inheritdoc />
        public long BytesReceived { get; private set; }

        /// <summary>Acknowledged readings' sequence numbers, in order (boxed uint), duplicates included.</summary>
        public ArrayList Published
        {
            get { return _published; }
        }

        /// <summary>Channel 0 value of each acknowledged reading, parallel to <see cref="Published"/> (boxed int).</summary>
        public ArrayList PublishedTemperatures
        {
            get { return _publishedTemperatures; }
        }

        /// <inheritdoc />
        public UplinkStatus Connect(long deadlineMilliseconds)
        {
            ConnectAttempts++;
            _connected = false;
            if (BrownoutOnConnect)
            {
                throw new PowerCutException(-1);
            }

            if (Silent)
            {
                return RunOut(deadlineMilliseconds);
            }

            if (FailConnects > 0)
            {
                FailConnects--;
                return Spend(FailMilliseconds, deadlineMilliseconds) ? FailStatus : UplinkStatus.Timeout;
            }

            if (!Spend(ConnectMilliseconds, deadlineMilliseconds))
            {
                return UplinkStatus.Timeout;
            }

            _connected = true;
            Sessions++;
            BytesSent += BytesPerSession;
            BytesReceived += BytesPerSession;
            if (SntpUnixAtTrueZero != 0 && !_clock.WallClockSet)
            {
                _clock.SetUnixMilliseconds(SntpUnixAtTrueZero + _clock.TrueMilliseconds);
            }

            return UplinkStatus.Ok;
        }

        /// <inheritdoc />
        public int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds)
        {
            if (!_connected)
            {
                return 0;
            }

            if (Silent || SilentAfterConnect)
            {
                RunOut(deadlineMilliseconds);
                return 0;
            }

            int limit = AckLimitPerBatch < 0 || AckLimitPerBatch > count ? count : AckLimitPerBatch;
            int acked = 0;
            while (acked < limit && Spend(PublishMillisecondsPerReading, deadlineMilliseconds))
            {
                _published.Add(records[acked].Sequence);
                _publishedTemperatures.Add(records[acked].Values[0]);
                BytesSent += BytesPerReading;
                acked++;
            }

            return acked;
        }

        /// <inheritdoc />
        public UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds)
        {
            UplinkStatus s = Exchange(deadlineMilliseconds);
            if (s == UplinkStatus.Ok)
            {
                HealthPublished++;
                LastHealth = health;
            }

            return s;
        }

        /// <inheritdoc />
        public UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds)
        {
            return Exchange(deadlineMilliseconds);
        }

        /// <inheritdoc />
        public int ProcessCommands(long deadlineMilliseconds)
        {
            if (_connected)
            {
                _clock.AdvanceTo(deadlineMilliseconds);
            }

            return 0;
        }

        /// <inheritdoc />
        public UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds)
        {
            UplinkStatus s = Exchange(deadlineMilliseconds);
            if (s == UplinkStatus.Ok)
            {
                SleepAnnouncements++;
                LastAnnouncedSleepMilliseconds = sleepMilliseconds;
            }

            _connected = false;
            return s;
        }

        private UplinkStatus Exchange(long deadlineMilliseconds)
        {
            if (!_connected)
            {
                return UplinkStatus.NotConnected;
            }

            if (Silent || SilentAfterConnect)
            {
                return RunOut(deadlineMilliseconds);
            }

            if (!Spend(ExchangeMilliseconds, deadlineMilliseconds))
            {
                return UplinkStatus.Timeout;
            }

            BytesSent += 64;
            return UplinkStatus.Ok;
        }

        private UplinkStatus RunOut(long deadlineMilliseconds)
        {
            _clock.AdvanceTo(deadlineMilliseconds);
            return UplinkStatus.Timeout;
        }

        // Spends the time if it fits before the deadline; otherwise runs to the deadline and fails.
        private bool Spend(int milliseconds, long deadlineMilliseconds)
        {
            if (_clock.MonotonicMilliseconds + milliseconds > deadlineMilliseconds)
            {
                _clock.AdvanceTo(deadlineMilliseconds);
                return false;
            }

            _clock.Advance(milliseconds);
            return true;
        }
    }
}
