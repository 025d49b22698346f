namespace SensorNode.Core.Ota
{
    /// <summary>Result of one <see cref="OtaUpdater"/> step.</summary>
    public enum OtaOutcome
    {
        /// <summary>No update pending.</summary>
        Idle = 0,

        /// <summary>Verified and installed as trial: reboot to run it.</summary>
        Installed = 1,

        /// <summary>The byte budget of this wake is used up; progress is kept, call Continue next wake.</summary>
        Suspended = 2,

        /// <summary>Refused (reported with its reason); the current image stays.</summary>
        Rejected = 3,

        /// <summary>The download could not finish (unreachable, http_status, timeout, connection_lost): reported as "failed" with its reason; the stored part is kept for a later resume.</summary>
        Failed = 4,
    }
}
