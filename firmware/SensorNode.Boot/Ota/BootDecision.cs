namespace SensorNode.Core.Ota
{
    /// <summary>The outcome of one boot decision: which table row matched, what was done, which slot to run.</summary>
    public sealed class BootDecision
    {
        /// <summary>Matched row of docs/spec/ota-slots.md §3, 1-based.</summary>
        public int Row;

        /// <summary>The row's action (already carried out, including its state write).</summary>
        public BootAction Action;

        /// <summary>Slot to run (0 = A, 1 = B), or <see cref="SlotFiles.None"/> when nothing is bootable.</summary>
        public int Slot = SlotFiles.None;

        /// <summary>True when the slot runs as a trial (it must call Confirm after its health check).</summary>
        public bool IsTrial;

        /// <summary>Verification status behind a <see cref="BootAction.RevertTrialInvalid"/>.</summary>
        public ImageStatus TrialStatus;

        /// <summary>File name of the image to run, or null.</summary>
        public string ImageName
        {
            get { return Slot == SlotFiles.None ? null : SlotFiles.Image(Slot); }
        }
    }
}
