namespace SensorNode.Core.Ota
{
    /// <summary>The inputs of the boot table (docs/spec/ota-slots.md §3), evaluated lazily in this order.</summary>
    public enum BootFact
    {
        /// <summary>ota-state.bin is present and decodes.</summary>
        StateValid = 0,

        /// <summary>An image is on trial.</summary>
        TrialPending = 1,

        /// <summary>Trial boots used &lt; allowed.</summary>
        TrialBootsLeft = 2,

        /// <summary>The trial slot's image passes full verification.</summary>
        TrialImageOk = 3,

        /// <summary>The confirmed slot's image is present and structurally sound.</summary>
        ConfirmedImageOk = 4,

        /// <summary>Slot A's image passes full verification.</summary>
        SlotAOk = 5,

        /// <summary>Slot B's image passes full verification.</summary>
        SlotBOk = 6,
    }
}
