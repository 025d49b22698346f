using System;
using SensorNode.Core;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Device.Network;
using SensorNode.Ota.Device;

namespace SensorNode.Device.Composition
{
    /// <summary>
    /// The application's half of signed updates (docs/spec/ota-slots.md §5, mqtt.md §11); the loader made the
    /// boot decision already. One per boot: the updater (NetHttpRange into the inactive slot, https
    /// with the provisioned CA (<see cref="HttpsImageRequests"/>), verified with
    /// the key <see cref="DeviceOtaKey"/> chooses against <see cref="OtaTarget"/>), the "ota" command handler in front of the
    /// other handlers, the trial health check as the session observer and the reporter on &lt;base&gt;/ota.
    /// Once online it reports the boot's events once, flushes reports and confirms a trial whose check passed.
    /// </summary>
    public sealed class DeviceOta
    {
        /// <summary>Bound of one HTTP connect or read, in milliseconds.</summary>
        public const int HttpTimeoutMilliseconds = 15000;

        /// <summary>An always-on trial that has not passed its health check by then reboots (the loader counts trial boots).</summary>
        public const long TrialHealthTimeoutMilliseconds = 600000;

        private readonly OtaUpdater _updater;
        private readonly MqttOtaReporter _reporter;
        private readonly OtaCommandHandler _handler;
        private readonly TrialHealthCheck _check;
        private readonly bool _trialAtBoot;
        private bool _bootReported;
        private bool _confirmChecked;
        private bool _continueChecked;

        /// <summary>Builds the OTA objects; <paramref name="next"/> gets every command but "ota"; <paramref name="observer"/> every session event.</summary>
        public DeviceOta(NodeConfig config, IFileStore store, ICommandHandler next, ISessionObserver observer)
        {
            _reporter = new MqttOtaReporter(FirmwareInfo.Version, null);
            ImageVerifier verifier = new ImageVerifier(store, DeviceOtaKey.Load(store, config.OtaPublicKeyFile, "ota"), ImageVerifier.DefaultChunkBytes);
            NetHttpRange http = new NetHttpRange(HttpTimeoutMilliseconds);
            HttpsImageRequests tls = new HttpsImageRequests(StoreText.Pem(store, config.CaCertificateFile, config.MqttCaCertificatePem));
            http.Configure = new RequestConfigurer(tls.Apply);
            _updater = new OtaUpdater(store, http, _reporter, verifier, OtaTarget.Policy(), config.OtaChunkBytes);
            _updater.MaxTrialBoots = config.OtaMaxTrialBoots;
            _handler = new OtaCommandHandler(_updater, FirmwareInfo.Version, next);
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
        /// One deep-sleep wake's update step (as the simulator's wake): a new order or a pending download gets
        /// the time <paramref name="budget"/> grants, turned into a byte budget; Idle when nothing is pending.
        /// </summary>
        public OtaOutcome RunWithin(OtaWakeBudget budget)
        {
            // A retained order arrives at every wake: while its download is pending it continues (the updater
            // keeps the same order's progress), so the estimate of what is left applies, not the cap.
            OtaCommand order = _handler.TakeScheduled();
            bool pending = _updater.HasPendingUpdate;
            if (order == null && !pending)
            {
                return OtaOutcome.Idle;
            }

            int bytes = budget.ByteBudget(budget.ExtraMilliseconds(_updater, !pending));
            return order != null ? _updater.Start(order, bytes) : _updater.Continue(bytes);
        }

        /// <summary>True when this boot runs a trial whose health check has not passed within <see cref="TrialHealthTimeoutMilliseconds"/> of <paramref name="bootMilliseconds"/>.</summary>
        public bool TrialTimedOut(long bootMilliseconds, long nowMilliseconds)
        {
            return _trialAtBoot && !_check.Passed && nowMilliseconds - bootMilliseconds > TrialHealthTimeoutMilliseconds;
        }

        /// <summary>Continues a download a previous <see cref="RunOrder"/> suspended (budget used up) this boot.</summary>
        public OtaOutcome Continue(int maxBytes)
        {
            return _updater.Continue(maxBytes);
        }
    }
}
