namespace SensorNode.Core.Ota
{
    /// <summary>What the boot decision does (docs/spec/ota-slots.md §3, column "action").</summary>
    public enum BootAction
    {
        /// <summary>Boot the trial image and count the boot.</summary>
        BootTrial = 0,

        /// <summary>Trial boots used up without confirmation: record the rollback, boot the confirmed image.</summary>
        RevertHealthCheckFailed = 1,

        /// <summary>The trial image fails verification: record the rollback, boot the confirmed image.</summary>
        RevertTrialInvalid = 2,

        /// <summary>Boot the confirmed image.</summary>
        BootConfirmed = 3,

        /// <summary>No usable state: both slots verify; adopt the one with the higher counter/version.</summary>
        AdoptNewer = 4,

        /// <summary>No usable state: adopt slot A, the only one that verifies.</summary>
        AdoptA = 5,

        /// <summary>No usable state: adopt slot B, the only one that verifies.</summary>
        AdoptB = 6,

        /// <summary>Nothing verifies: stay in the loader and report.</summary>
        NoBootableImage = 7,
    }
}
