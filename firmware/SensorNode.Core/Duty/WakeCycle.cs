using System;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// One wake of a deep-sleeping node, from boot to deep sleep (issue 4; docs/time.md): read the wake
    /// cause, load the retained log, sample, store the reading (one append), decide, and if due and not
    /// backing off: connect, publish the batch, health and state, process commands, disconnect
    /// announcing the next wake; then persist (one append) and sleep until the next slot. Every radio
    /// call gets the deadline AwakeBudgetMilliseconds - PersistReserveMilliseconds, so the node persists
    /// and sleeps on time whatever Wi-Fi or the broker do. Construct once per boot; nothing here
    /// allocates after construction.
    /// </summary>
    public sealed class WakeCycle
    {
        /// <summary>Readings per PublishBatch call.</summary>
        public const int PublishChunkReadings = 16;

        /// <summary>A power-on or reset ignores backoff (a person pressed reset to retry) unless this many sessions in a row failed.</summary>
        public const int FirstBootRetryLimit = 3;

        private readonly NodeConfig _config;
        private readonly IClock _clock;
        private readonly ISampleSource _source;
        private readonly IUplink _uplink;
        private readonly ISleepController _sleep;
        private readonly ReadingLog _log;
        private readonly WakeSchedule _schedule;
        private readonly SampleRecord _reading = new SampleRecord();
        private readonly SampleRecord[] _batch = new SampleRecord[PublishChunkReadings];
        private readonly DutyHealth _health = new DutyHealth();
        private readonly WakeReport _report = new WakeReport();

        /// <summary>Wires a wake from its ports; the store holds the retained log.</summary>
        public WakeCycle(NodeConfig config, IClock clock, IFileStore store, ISampleSource source, IUplink uplink, ISleepController sleep)
        {
            _config = config;
            _clock = clock;
            _source = source;
            _uplink = uplink;
            _sleep = sleep;
            _log = new ReadingLog(store, config.RetainedCapacityReadings);
            _schedule = new WakeSchedule(config.SampleIntervalSeconds * 1000L, config.BootOverheadMilliseconds);
            for (int i = 0; i < _batch.Length; i++)
            {
                _batch[i] = new SampleRecord();
            }
        }

        /// <summary>The retained log (state after <see cref="Run"/>).</summary>
        public ReadingLog Log
        {
            get { return _log; }
        }

        /// <summary>Health as last filled (published on radio wakes).</summary>
        public DutyHealth Health
        {
            get { return _health; }
        }

        /// <summary>Runs one wake and ends in <see cref="ISleepController.DeepSleep"/> (which does not return on the device).</summary>
        public WakeReport Run()
        {
            _report.Clear();
            long radioDeadline = _config.AwakeBudgetMilliseconds - _config.PersistReserveMilliseconds;
            WakeCause cause = _sleep.WakeCause;
            _report.Cause = cause;
            Checkpoint st = _log.State;
            bool loaded = false;
            bool dirty = false;
            int droppedBeforeWake = 0;
            try
            {
                _report.Load = _log.Load();
                _report.Fault = _log.Fault;
                droppedBeforeWake = st.ReadingsDropped - _log.DroppedByLoad;
                loaded = true;
                bool fresh = _report.Load == LoadOutcome.Fresh;
                bool firstBoot = cause != WakeCause.Timer || fresh;
                if (cause != WakeCause.Timer)
                {
                    st.Boots++;
                }

                st.Wakes++;
                _schedule.Begin(_clock, st, cause == WakeCause.Timer && !fresh);
                _reading.Clear();
                _source.Sample(_reading);
                long unix;
                _reading.UnixMilliseconds = _clock.TryGetUnixMilliseconds(out unix) ? unix : 0;
                bool attempt = DecideRadio(st, firstBoot, radioDeadline);
                _log.Append(_reading);
                _report.Sequence = _reading.Sequence;
                if (attempt)
                {
                    RadioSession(st, radioDeadline);
                    dirty = true;
                }
            }
            catch (PowerCutException)
            {
                throw; // a simulated power cut stops the "device" here, as a real one would
            }
            catch (Exception)
            {
                RecordFault(st);
                dirty = true;
            }

            return Finish(st, loaded, dirty, radioDeadline, droppedBeforeWake);
        }

        private WakeReport Finish(Checkpoint st, bool loaded, bool dirty, long radioDeadline, int droppedBeforeWake)
        {
            // Without a loaded state there is no grid: sleep what is left of an interval, never a busy loop.
            long sleepMilliseconds = (_config.SampleIntervalSeconds * 1000L) - _clock.MonotonicMilliseconds;
            if (sleepMilliseconds < WakeSchedule.MinSleepMilliseconds)
            {
                sleepMilliseconds = WakeSchedule.MinSleepMilliseconds;
            }

            if (loaded)
            {
                try
                {
                    if (_report.RadioAttempted && _clock.MonotonicMilliseconds >= radioDeadline)
                    {
                        _report.DeadlineHit = true;
                        st.DeadlineHits++;
                        dirty = true;
                    }

                    if (_schedule.Prepare(_clock, st) || dirty)
                    {
                        _log.Commit();
                    }

                    sleepMilliseconds = _schedule.SleepMilliseconds(_clock, st);
                }
                catch (PowerCutException)
                {
                    throw;
                }
                catch (Exception)
                {
                    RecordFault(st);
                }

                _report.SkippedSlots = _schedule.SkippedSlots;
                _report.ReadingsRetained = st.RetainedCount;
                _report.ReadingsDropped = st.ReadingsDropped - droppedBeforeWake;
            }

            _report.AwakeMilliseconds = _clock.MonotonicMilliseconds;
            _report.SleepMilliseconds = sleepMilliseconds < 1 ? 1 : sleepMilliseconds;
            _sleep.DeepSleep(_report.SleepMilliseconds);
            return _report;
        }

        // Decided before the reading is stored so that the same append records the attempt pessimistically:
        // a wake that never finishes its radio session (brownout on TX, forced sleep) counts as a failure
        // and backs off, and a reset loop cannot keep the radio on at every boot.
        private bool DecideRadio(Checkpoint st, bool firstBoot, long radioDeadline)
        {
            int waiting = st.RetainedCount + 1 > _log.Capacity ? _log.Capacity : st.RetainedCount + 1;
            _report.Reasons = PublishPolicy.Decide(_config, st, firstBoot, _reading.AnomalyMask, waiting);
            if (_report.Reasons == PublishReason.None)
            {
                return false;
            }

            bool retryNow = firstBoot && st.ConnectFailuresInRow < FirstBootRetryLimit;
            if ((st.Wakes < st.RadioAllowedAtWake && !retryNow) || _clock.MonotonicMilliseconds >= radioDeadline)
            {
                _report.RadioDeferred = true;
                return false;
            }

            st.RadioSessions++;
            st.LastConnectStatus = UplinkStatus.Timeout;
            BackOff(st);
            return true;
        }

        private void RadioSession(Checkpoint st, long deadline)
        {
            _report.RadioAttempted = true;
            UplinkStatus status = _uplink.Connect(deadline);
            st.LastConnectStatus = status;
            _report.ConnectStatus = status;
            if (status != UplinkStatus.Ok)
            {
                return; // counted and backed off in DecideRadio
            }

            st.ConnectFailuresInRow = 0;
            st.RadioAllowedAtWake = 0;
            st.LastRadioWake = st.Wakes;
            bool ok = PublishRetained(st, deadline);
            FillHealth(st);
            ok = ok && _uplink.PublishHealth(_health, deadline) == UplinkStatus.Ok;
            ok = ok && _uplink.PublishState(_reading, deadline) == UplinkStatus.Ok;
            if (ok)
            {
                long listenUntil = _clock.MonotonicMilliseconds + _config.CommandListenMilliseconds;
                _report.CommandsProcessed = _uplink.ProcessCommands(listenUntil < deadline ? listenUntil : deadline);
            }

            _schedule.Prepare(_clock, st);
            _uplink.Disconnect(_schedule.SleepMilliseconds(_clock, st), _schedule.NextWakeUnixMilliseconds(st), deadline);

            // A broker that connects and then stays silent costs a whole budget per wake: back off from it too.
            if (_clock.MonotonicMilliseconds >= deadline)
            {
                BackOff(st);
            }
        }

        private void BackOff(Checkpoint st)
        {
            st.ConnectFailuresInRow++;
            uint jitter = st.JitterState == 0 ? Seed(st) : st.JitterState;
            st.RadioAllowedAtWake = st.Wakes + Backoff.WakesToWait(
                st.ConnectFailuresInRow, _config.BackoffBaseSeconds, _config.BackoffMaxSeconds, _config.SampleIntervalSeconds, ref jitter);
            st.JitterState = jitter;
        }

        private bool PublishRetained(Checkpoint st, long deadline)
        {
            uint from = st.ReleasedThroughSequence + 1;
            while (st.RetainedCount > 0)
            {
                if (_clock.MonotonicMilliseconds >= deadline)
                {
                    return false;
                }

                int n = _log.ReadRetained(from, _batch, _batch.Length);
                if (n == 0)
                {
                    return true;
                }

                int acked = _uplink.PublishBatch(_batch, n, deadline);
                acked = acked < 0 ? 0 : (acked > n ? n : acked);
                if (acked > 0)
                {
                    _log.Release(_batch[acked - 1].Sequence);
                    _report.ReadingsAcknowledged += acked;
                }

                if (acked < n)
                {
                    return false;
                }

                from = _batch[n - 1].Sequence + 1;
            }

            return true;
        }

        private void FillHealth(Checkpoint st)
        {
            _health.Boots = st.Boots;
            _health.Wakes = st.Wakes;
            _health.RadioSessions = st.RadioSessions;
            _health.ConnectFailuresInRow = st.ConnectFailuresInRow;
            _health.ReadingsDropped = st.ReadingsDropped;
            _health.ReadingsRetained = st.RetainedCount;
            _health.CapacityReadings = _log.Capacity;
            _health.StateFaults = st.StateFaults;
            _health.TornWritesRepaired = st.TornWritesRepaired;
            _health.DeadlineHits = st.DeadlineHits;
            _health.CycleFaults = st.CycleFaults;
            _health.LastSequence = st.NextSequence - 1;
            _health.LastWakeCause = _report.Cause;
            _health.LastConnectStatus = st.LastConnectStatus;
            _health.AwakeMilliseconds = _clock.MonotonicMilliseconds;
        }

        private void RecordFault(Checkpoint st)
        {
            _report.CaughtFault = true;
            st.CycleFaults++;
        }

        private uint Seed(Checkpoint st)
        {
            uint h = 2166136261;
            string id = _config.NodeId;
            for (int i = 0; i < id.Length; i++)
            {
                h = (h ^ id[i]) * 16777619;
            }

            h ^= (uint)st.Wakes * 2654435761;
            return h == 0 ? 1 : h;
        }
    }
}
