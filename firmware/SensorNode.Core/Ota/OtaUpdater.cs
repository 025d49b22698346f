using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Runs an update order (docs/spec/ota-slots.md §5): downloads the image into the inactive slot in
    /// chunks (resuming with HTTP Range after drops, reboots and deep sleep), verifies it fully, installs
    /// it as the trial, and reports every step through <see cref="IOtaReporter"/>. After a reboot,
    /// <see cref="ReportBootEvents"/> reports the trial or a rollback, and <see cref="Confirm"/> is the
    /// health check's "healthy". Buffers are allocated once; a chunk allocates nothing.
    /// </summary>
    public sealed class OtaUpdater
    {
        /// <summary>Download progress is reported at most once per this many percent.</summary>
        public const int ProgressStepPercent = 10;

        private readonly IFileStore _store;
        private readonly IHttpRange _http;
        private readonly IOtaReporter _reporter;
        private readonly ImageVerifier _verifier;
        private readonly ImagePolicy _policy;
        private readonly SlotStateStore _states;
        private readonly BootManager _boot;
        private readonly SlotState _state = new SlotState();
        private readonly OtaDownload _download;
        private readonly RefusedOrder _refused;
        private readonly byte[] _record = new byte[OtaCommand.MaxRecordLength];
        private OtaCommand _pending;

        /// <summary>Creates an updater; <paramref name="chunkBytes"/> is the download and append unit.</summary>
        public OtaUpdater(IFileStore store, IHttpRange http, IOtaReporter reporter, ImageVerifier verifier, ImagePolicy policy, int chunkBytes)
        {
            _store = store;
            _http = http;
            _reporter = reporter;
            _verifier = verifier;
            _policy = policy;
            _states = new SlotStateStore(store);
            _boot = new BootManager(store, verifier, policy);
            _download = new OtaDownload(store, http, reporter, policy, chunkBytes);
            _refused = new RefusedOrder(store);
        }

        /// <summary>Connection failures tolerated per call before giving up with <see cref="OtaOutcome.Failed"/>.</summary>
        public int MaxRetries
        {
            get { return _download.MaxRetries; }
            set { _download.MaxRetries = value; }
        }

        /// <summary>The node's clock for the download's deadlines (ota-slots.md §5.2); every composition sets it.</summary>
        public IClock Clock
        {
            get { return _download.Clock; }
            set { _download.Clock = value; }
        }

        /// <summary>Deadline of one HTTP body read, milliseconds (§5.2).</summary>
        public int ReadTimeoutMilliseconds
        {
            get { return _download.ReadTimeoutMilliseconds; }
            set { _download.ReadTimeoutMilliseconds = value; }
        }

        /// <summary>Deadline of a whole order within one boot, milliseconds (§5.2); then it fails with timeout.</summary>
        public int OrderTimeoutMilliseconds
        {
            get { return _download.OrderTimeoutMilliseconds; }
            set { _download.OrderTimeoutMilliseconds = value; }
        }

        /// <summary>When &gt; 0, one call downloads for about this long (plus one read deadline) and returns Suspended, so an always-on loop keeps sampling.</summary>
        public int StepMilliseconds
        {
            get { return _download.StepMilliseconds; }
            set { _download.StepMilliseconds = value; }
        }

        /// <summary>Trial boots a newly installed image gets (1..16).</summary>
        public int MaxTrialBoots { get; set; } = 3;

        /// <summary>Bytes of the pending download already stored by this object's last call.</summary>
        public int DownloadedBytes
        {
            get { return _download.DownloadedBytes; }
        }

        /// <summary>True when a download record exists (an order not yet finished).</summary>
        public bool HasPendingUpdate
        {
            get { return LoadPending(); }
        }

        /// <summary>True when a trial image awaits its health check (a new order is refused until it is confirmed or rolled back).</summary>
        public bool IsTrialPending
        {
            get { return _states.Load(_state) && _state.TrialPending; }
        }

        /// <summary>
        /// The MQTT command handler: {"cmd":"ota","url":U,"version":V,"sha256":H} with its three fields as
        /// parsed strings. A malformed field is reported as rejected (bad_url, bad_version, bad_sha256).
        /// </summary>
        public OtaOutcome Handle(string url, string version, string sha256Hex, int maxBytes)
        {
            OtaCommand command;
            string reason;
            if (!OtaCommand.TryCreate(url, version, sha256Hex, out command, out reason))
            {
                _reporter.Rejected(version == null ? string.Empty : version, reason);
                return OtaOutcome.Rejected;
            }

            return Start(command, maxBytes);
        }

        /// <summary>
        /// Starts an order (replacing any unfinished one) and runs it within <paramref name="maxBytes"/>
        /// downloaded bytes. An order for the image already running returns Idle (reporting confirmed when it is).
        /// </summary>
        public OtaOutcome Start(OtaCommand command, int maxBytes)
        {
            if (!_states.Load(_state))
            {
                return Reject(command.Version, "no_slot_state");
            }

            // Orders may be retained on the broker and arrive at every wake: an order for the image the
            // node already runs (confirmed or on trial) changes nothing (§5).
            int running = _state.TrialPending ? _state.TrialSlot : _state.ConfirmedSlot;
            if (_verifier.CheckStructure(SlotFiles.Image(running)) == ImageStatus.Ok && command.Matches(_verifier.Header))
            {
                if (!_state.TrialPending)
                {
                    _reporter.Confirmed(command.Version);
                }

                return OtaOutcome.Idle;
            }

            if (_state.TrialPending)
            {
                return Reject(command.Version, "trial_pending");
            }

            // The same order refused before for what its image is (a retained command at every wake): refused
            // again with its reason, without a download and without touching another order's download (§5.1).
            string refusedFor;
            if (_refused.Matches(command, out refusedFor))
            {
                _reporter.Rejected(command.Version, refusedFor);
                return OtaOutcome.Rejected;
            }

            OtaCommand old = LoadPending() ? _pending : null;
            int target = _state.ConfirmedSlot == 0 ? 1 : 0;
            command.TargetSlot = target;
            if (old == null || old.TargetSlot != target || !old.SameOrder(command))
            {
                // A fresh order: the inactive slot's old image and any other partial download go first,
                // then the record; so a record always means "the inactive slot is ours" (§4).
                _store.Delete(SlotFiles.Part(0));
                _store.Delete(SlotFiles.Part(1));
                _store.Delete(SlotFiles.Image(target));
                int n = command.Encode(_record);
                _store.Replace(SlotFiles.Download, _record, 0, n);
                _download.BeginOrder();
            }

            _pending = command;
            return Run(maxBytes);
        }

        /// <summary>Continues an unfinished order (after a reboot or a deep-sleep wake); Idle when there is none.</summary>
        public OtaOutcome Continue(int maxBytes)
        {
            if (!LoadPending())
            {
                return OtaOutcome.Idle;
            }

            if (!_states.Load(_state) || _state.TrialPending || _state.ConfirmedSlot == _pending.TargetSlot)
            {
                return Reject(_pending.Version, _state.TrialPending ? "trial_pending" : "no_slot_state");
            }

            return Run(maxBytes);
        }

        /// <summary>Reports what the last boot did: a rollback (once, then cleared) or a running trial.</summary>
        public void ReportBootEvents()
        {
            if (!_states.Load(_state))
            {
                return;
            }

            if (_state.Rollback != RollbackReason.None)
            {
                string version = _state.RollbackMajor + "." + _state.RollbackMinor + "." + _state.RollbackPatch;
                string reason = _state.Rollback == RollbackReason.HealthCheckFailed ? "health_check_failed" : "trial_" + ImageStatusText.Of(_state.RollbackStatus);
                _state.Rollback = RollbackReason.None;
                _state.RollbackStatus = ImageStatus.Ok;
                _states.Save(_state);
                _reporter.RolledBack(version, reason);
            }

            if (_state.TrialPending)
            {
                _reporter.Trial(TrialVersion());
            }
        }

        /// <summary>The health check passed (connected and published): confirm the trial and report it. False when not on trial.</summary>
        public bool Confirm()
        {
            if (!_states.Load(_state) || !_state.TrialPending)
            {
                return false;
            }

            string version = TrialVersion();
            if (!_boot.Confirm())
            {
                return false;
            }

            _reporter.Confirmed(version);
            return true;
        }

        /// <summary>
        /// Extra awake time a deep-sleeping node needs to finish the pending order at
        /// <paramref name="bytesPerSecond"/>, plus <paramref name="verifyMilliseconds"/>, capped at
        /// <paramref name="capMilliseconds"/>; 0 when nothing is pending. Unknown totals count as the format's maximum.
        /// </summary>
        public int ExtraAwakeMilliseconds(int bytesPerSecond, int verifyMilliseconds, int capMilliseconds)
        {
            if (!LoadPending() || bytesPerSecond <= 0)
            {
                return 0;
            }

            string part = SlotFiles.Part(_pending.TargetSlot);
            int have = _store.Length(part);
            have = have < 0 ? 0 : have;
            int known = _download.StoredImageLength(part);
            long total = known > 0 ? known : ImageFormat.MaxHeaderLength + ImageFormat.MaxPayloadLength + ImageFormat.SignatureLength;
            long remaining = total > have ? total - have : 0;
            long needed = remaining * 1000 / bytesPerSecond + verifyMilliseconds;
            return needed > capMilliseconds ? capMilliseconds : (int)needed;
        }

        /// <summary>Bytes a wake of <paramref name="awakeMilliseconds"/> can download at <paramref name="bytesPerSecond"/>.</summary>
        public static int BytesFor(int awakeMilliseconds, int bytesPerSecond)
        {
            long bytes = (long)awakeMilliseconds * bytesPerSecond / 1000;
            return bytes > int.MaxValue ? int.MaxValue : (int)bytes;
        }

        private OtaOutcome Run(int maxBytes)
        {
            OtaCommand order = _pending;
            string part = SlotFiles.Part(order.TargetSlot);
            string image = SlotFiles.Image(order.TargetSlot);

            // Power was cut after the rename but before the state write: the image is complete (§4).
            if (_store.Length(part) < 0 && _store.Length(image) > 0)
            {
                return Install(order, image, false);
            }

            OtaOutcome download = _download.Fetch(order, part, maxBytes, _state.SecurityFloor);
            if (download == OtaOutcome.Rejected)
            {
                return Reject(order.Version, _download.Reason);
            }

            if (download == OtaOutcome.Failed)
            {
                // §5.2: the order ends with its reason on <base>/ota; the stored part is kept, so the same
                // order sent again (or the next boot) resumes it with HTTP Range.
                _download.EndOrder();
                _reporter.Failed(order.Version, _download.Reason);
                return OtaOutcome.Failed;
            }

            if (download != OtaOutcome.Installed)
            {
                return download;
            }

            _download.EndOrder();

            _reporter.Verifying(order.Version);
            _policy.SecurityFloor = _state.SecurityFloor;
            ImageStatus status = _verifier.Verify(part, _policy);
            if (status != ImageStatus.Ok)
            {
                return Reject(order.Version, ImageStatusText.Of(status));
            }

            if (!order.Matches(_verifier.Header))
            {
                return Reject(order.Version, "command_mismatch");
            }

            _store.Rename(part, image);
            return Install(order, image, true);
        }

        private OtaOutcome Install(OtaCommand order, string image, bool verified)
        {
            if (!verified)
            {
                _policy.SecurityFloor = _state.SecurityFloor;
                ImageStatus status = _verifier.Verify(image, _policy);
                if (status != ImageStatus.Ok || !order.Matches(_verifier.Header))
                {
                    _store.Delete(image);
                    return Reject(order.Version, status != ImageStatus.Ok ? ImageStatusText.Of(status) : "command_mismatch");
                }
            }

            ImageHeader h = _verifier.Header;
            _state.TrialSlot = order.TargetSlot;
            _state.TrialBoots = 0;
            _state.MaxTrialBoots = MaxTrialBoots;
            _state.TrialSecurityCounter = h.SecurityCounter;
            _state.TrialMajor = h.VersionMajor;
            _state.TrialMinor = h.VersionMinor;
            _state.TrialPatch = h.VersionPatch;
            _states.Save(_state);
            _store.Delete(SlotFiles.Download);
            _pending = null;
            return OtaOutcome.Installed;
        }

        private OtaOutcome Reject(string version, string reason)
        {
            _download.EndOrder();
            if (_pending != null)
            {
                _refused.Remember(_pending, reason);
                _store.Delete(SlotFiles.Part(_pending.TargetSlot));
                _store.Delete(SlotFiles.Download);
                _pending = null;
            }

            _reporter.Rejected(version, reason);
            return OtaOutcome.Rejected;
        }

        private bool LoadPending()
        {
            if (_pending != null)
            {
                return true;
            }

            int n = _store.Read(SlotFiles.Download, 0, _record, 0, _record.Length);
            _pending = n > 0 ? OtaCommand.Decode(_record, n) : null;
            return _pending != null;
        }

        private string TrialVersion()
        {
            return _state.TrialMajor + "." + _state.TrialMinor + "." + _state.TrialPatch;
        }
    }
}
