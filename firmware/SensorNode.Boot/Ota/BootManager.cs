using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Chooses the image to boot with <see cref="BootTable"/> and carries out the chosen row's single
    /// state write (docs/spec/ota-slots.md §3–§4). Used by the loader at every boot and by the host
    /// simulator; <see cref="Confirm"/> is the application's "healthy" call.
    /// </summary>
    public sealed class BootManager : IBootFacts
    {
        private readonly ImageVerifier _verifier;
        private readonly ImagePolicy _policy;
        private readonly SlotStateStore _states;
        private readonly int[] _facts = new int[7];
        private readonly int[] _slotCounter = new int[2];
        private readonly long[] _slotVersion = new long[2];
        private ImageStatus _trialStatus;

        /// <summary>Creates a manager over the node's files, verifier and acceptance policy.</summary>
        public BootManager(IFileStore store, ImageVerifier verifier, ImagePolicy policy)
        {
            _verifier = verifier;
            _policy = policy;
            _states = new SlotStateStore(store);
        }

        /// <summary>The slot state as last read or written.</summary>
        public SlotState State { get; } = new SlotState();

        /// <summary>Trial boots a new image gets when none are recorded yet.</summary>
        public int DefaultMaxTrialBoots { get; set; } = 3;

        /// <summary>Runs the boot table and its state write; returns the decision.</summary>
        public BootDecision Boot()
        {
            for (int i = 0; i < _facts.Length; i++)
            {
                _facts[i] = -1;
            }

            int row = BootTable.Decide(this);
            var d = new BootDecision { Row = row + 1, Action = BootTable.ActionOf(row) };
            switch (d.Action)
            {
                case BootAction.BootTrial:
                    State.TrialBoots++;
                    _states.Save(State);
                    d.Slot = State.TrialSlot;
                    d.IsTrial = true;
                    break;
                case BootAction.RevertHealthCheckFailed:
                case BootAction.RevertTrialInvalid:
                    State.Rollback = d.Action == BootAction.RevertTrialInvalid ? RollbackReason.TrialImageInvalid : RollbackReason.HealthCheckFailed;
                    State.RollbackStatus = d.Action == BootAction.RevertTrialInvalid ? _trialStatus : ImageStatus.Ok;
                    State.RollbackMajor = State.TrialMajor;
                    State.RollbackMinor = State.TrialMinor;
                    State.RollbackPatch = State.TrialPatch;
                    State.TrialSlot = SlotFiles.None;
                    State.TrialBoots = 0;
                    _states.Save(State);
                    d.Slot = State.ConfirmedSlot;
                    d.TrialStatus = _trialStatus;
                    break;
                case BootAction.BootConfirmed:
                    d.Slot = State.ConfirmedSlot;
                    break;
                case BootAction.AdoptNewer:
                case BootAction.AdoptA:
                case BootAction.AdoptB:
                    int slot = d.Action == BootAction.AdoptA ? 0 : d.Action == BootAction.AdoptB ? 1 : Newer();
                    Adopt(slot);
                    d.Slot = slot;
                    break;
            }

            return d;
        }

        /// <summary>
        /// The running trial passed its health check: it becomes the confirmed image and the
        /// anti-rollback floor rises to its counter (one atomic write). False when no trial is pending.
        /// </summary>
        public bool Confirm()
        {
            if (!_states.Load(State) || !State.TrialPending)
            {
                return false;
            }

            State.ConfirmedSlot = State.TrialSlot;
            State.TrialSlot = SlotFiles.None;
            State.TrialBoots = 0;
            if (State.TrialSecurityCounter > State.SecurityFloor)
            {
                State.SecurityFloor = State.TrialSecurityCounter;
            }

            _states.Save(State);
            return true;
        }

        /// <inheritdoc />
        public bool Holds(BootFact fact)
        {
            int i = (int)fact;
            if (_facts[i] < 0)
            {
                _facts[i] = Evaluate(fact) ? 1 : 0;
            }

            return _facts[i] == 1;
        }

        private bool Evaluate(BootFact fact)
        {
            switch (fact)
            {
                case BootFact.StateValid:
                    return _states.Load(State);
                case BootFact.TrialPending:
                    return State.TrialPending;
                case BootFact.TrialBootsLeft:
                    return State.TrialBoots < State.MaxTrialBoots;
                case BootFact.TrialImageOk:
                    _policy.SecurityFloor = State.SecurityFloor;
                    _trialStatus = _verifier.Verify(SlotFiles.Image(State.TrialSlot), _policy);
                    return _trialStatus == ImageStatus.Ok;
                case BootFact.ConfirmedImageOk:
                    return State.ConfirmedSlot != SlotFiles.None && _verifier.CheckStructure(SlotFiles.Image(State.ConfirmedSlot)) == ImageStatus.Ok;
                default:
                    return SlotVerifies(fact == BootFact.SlotAOk ? 0 : 1);
            }
        }

        private bool SlotVerifies(int slot)
        {
            _policy.SecurityFloor = Holds(BootFact.StateValid) ? State.SecurityFloor : 0;
            if (_verifier.Verify(SlotFiles.Image(slot), _policy) != ImageStatus.Ok)
            {
                return false;
            }

            ImageHeader h = _verifier.Header;
            _slotCounter[slot] = h.SecurityCounter;
            _slotVersion[slot] = ((long)h.VersionMajor << 32) | ((long)h.VersionMinor << 16) | (long)h.VersionPatch;
            return true;
        }

        private int Newer()
        {
            if (_slotCounter[0] != _slotCounter[1])
            {
                return _slotCounter[0] > _slotCounter[1] ? 0 : 1;
            }

            return _slotVersion[1] > _slotVersion[0] ? 1 : 0;
        }

        private void Adopt(int slot)
        {
            if (!Holds(BootFact.StateValid))
            {
                State.CopyFrom(new SlotState());
                State.MaxTrialBoots = DefaultMaxTrialBoots;
            }

            State.ConfirmedSlot = slot;
            State.TrialSlot = SlotFiles.None;
            State.TrialBoots = 0;
            if (_slotCounter[slot] > State.SecurityFloor)
            {
                State.SecurityFloor = _slotCounter[slot];
            }

            _states.Save(State);
        }
    }
}
