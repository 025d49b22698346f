using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The application's half of signed updates (docs/spec/ota-slots.md §5, mqtt.md §11), the same on the
    /// device (SensorNode.Device DeviceOta builds it) and in the simulator (SimulatedOtaNode): the updater
    /// into the inactive slot, the "ota" command handler in front of the other handlers, the trial health
    /// check as the session observer and the reporter on &lt;base&gt;/ota. The loader made the boot decision
    /// already; once online the agent reports the boot's events once, flushes reports and confirms a trial
    /// whose check passed. One per boot.
    /// </summary>
    public sealed class OtaAgent
    {
        private readonly OtaUpdater _updater;
        private readonly MqttOtaReporter _reporter;
        private readonly OtaCommandHandler _handler;
        private readonly TrialHealthCheck _check;
        private readonly bool _trialAtBoot;
        private bool _bootReported;
        private bool _confirmChecked;
        private bool _continueChecked;

        /// <summary>
        /// Builds the agent for an application running <paramref name="runningVersion"/>: images from
        /// <paramref name="http"/> into <paramref name="store"/>, checked by <paramref name="verifier"/> against
        /// <paramref name="policy"/>; <paramref name="next"/> gets every command but "ota", <paramref name="observer"/>
        /// every session event, <paramref name="alsoReport"/> (may be null) every report; <paramref name="clock"/>
        /// times the download's read and order deadlines (ota-slots.md §5.2).
        /// </summary>
        public OtaAgent(IFileStore store, IHttpRange http, ImageVerifier verifier, ImagePolicy policy, NodeConfig config, string runningVersion, ICommandHandler next, ISessionObserver observer, IOtaReporter alsoReport, IClock clock)
        {
            _reporter = new MqttOtaReporter(runningVersion, alsoReport);
            _updater = new OtaUpdater(store, http, _reporter, verifier, policy, config.OtaChunkBytes);
            _updater.Clock = clock;
            _updater.MaxTrialBoots = config.OtaMaxTrialBoots;
            _handler = new OtaCommandHandler(_updater, runningVersion, next);
            _check = new TrialHealthCheck(new MqttTopics(config.TopicPrefix, config.NodeId), observer);
            _trialAtBoot = _updater.IsTrialPending;
        }

        /// <summary>The command handler: "ota" here, the rest to the next handler.</summary>
        public ICommandHandler Handler
        {
            get { return _handler; }
        }

        /// <summary>The session observer (trial health check, forwarding to the inner observer).</summary>
        public ISessionObserver Observer
        {
            get { return _check; }
        }

        /// <summary>The updater (pending download, trial state).</summary>
        public OtaUpdater Updater
        {
            get { return _updater; }
        }

        /// <summary>True while an accepted order waits for <see cref="RunOrder"/> or <see cref="RunWithin"/>.</summary>
        public bool HasScheduledOrder
        {
            get { return _handler.HasScheduled; }
        }

        /// <summary>True once this boot's trial passed its health check (connected and published).</summary>
        public bool TrialCheckPassed
        {
            get { return _check.Passed; }
        }

        /// <summary>Awake extension the last <see cref="RunWithin"/> granted, in milliseconds.</summary>
        public int LastExtraMilliseconds { get; private set; }

        /// <summary>Byte budget the last <see cref="RunWithin"/> granted.</summary>
        public int LastByteBudget { get; private set; }

        /// <summary>Publishes reports through <paramref name="session"/> (built with <see cref="Handler"/> and <see cref="Observer"/>).</summary>
        public void Attach(TelemetrySession session)
        {
            _reporter.Attach(session);
        }

        /// <summary>While <paramref name="session"/> is online: boot events once, unsent report, confirm a healthy trial once.</summary>
        public void AfterOnline(TelemetrySession session)
        {
            if (session.State != SessionState.Online)
            {
                return;
            }

            if (!_bootReported)
            {
                // Only once online: ReportBootEvents clears the rollback record (ota-slots.md §5).
                _bootReported = true;
                _updater.ReportBootEvents();
            }

            _reporter.Flush();
            if (_check.Passed && !_confirmChecked)
            {
                _confirmChecked = true;
                _updater.Confirm();
            }
        }

        /// <summary>
        /// Runs an accepted order, else (once per boot, after the boot events went out) an order a reset
        /// interrupted, fetching at most <paramref name="maxBytes"/>; Idle when there was nothing to run.
        /// </summary>
        public OtaOutcome RunOrder(int maxBytes)
        {
            OtaCommand order = _handler.TakeScheduled();
            if (order != null)
            {
                return _updater.Start(order, maxBytes);
            }

            if (_bootReported && !_continueChecked)
            {
                _continueChecked = true;
                return _updater.Continue(maxBytes);
            }

            return OtaOutcome.Idle;
        }

        /// <summary>
        /// One deep-sleep wake's update step: a new order or a pending download gets the time
        /// <paramref name="budget"/> grants, turned into a byte budget; Idle when nothing is pending.
        /// </summary>
        public OtaOutcome RunWithin(OtaWakeBudget budget)
        {
            // A retained order arrives at every wake: while its download is pending it continues (the updater
            // keeps the same order's progress), so the estimate of what is left applies, not the cap.
            OtaCommand order = _handler.TakeScheduled();
            bool pending = _updater.HasPendingUpdate;
            LastExtraMilliseconds = 0;
            LastByteBudget = 0;
            if (order == null && !pending)
            {
                return OtaOutcome.Idle;
            }

            LastExtraMilliseconds = budget.ExtraMilliseconds(_updater, !pending);
            LastByteBudget = budget.ByteBudget(LastExtraMilliseconds);
            return order != null ? _updater.Start(order, LastByteBudget) : _updater.Continue(LastByteBudget);
        }

        /// <summary>Continues a download a previous <see cref="RunOrder"/> suspended (budget used up) this boot.</summary>
        public OtaOutcome Continue(int maxBytes)
        {
            return _updater.Continue(maxBytes);
        }

        /// <summary>True when this boot runs a trial whose health check has not passed within <paramref name="timeoutMilliseconds"/> of <paramref name="bootMilliseconds"/>.</summary>
        public bool TrialTimedOut(long bootMilliseconds, long nowMilliseconds, long timeoutMilliseconds)
        {
            return _trialAtBoot && !_check.Passed && nowMilliseconds - bootMilliseconds > timeoutMilliseconds;
        }
    }
}
