namespace SensorNode.Core.Ota
{
    /// <summary>The "state" of an OTA report on &lt;base&gt;/ota (docs/spec/mqtt.md §11). Never renumber.</summary>
    public enum OtaReportKind
    {
        /// <summary>"downloading": percent, bytes and total_bytes so far.</summary>
        Downloading = 0,

        /// <summary>"verifying": the image is complete and being checked.</summary>
        Verifying = 1,

        /// <summary>"trial": the new image runs, awaiting its health check.</summary>
        Trial = 2,

        /// <summary>"confirmed": the new image passed its health check.</summary>
        Confirmed = 3,

        /// <summary>"rejected": refused with a reason; the node keeps its image.</summary>
        Rejected = 4,

        /// <summary>"rolled_back": the trial was abandoned with a reason; the node runs its confirmed image.</summary>
        RolledBack = 5,

        /// <summary>"failed": the download could not finish (unreachable, timeout, HTTP status, too long); reason given, the node keeps its image.</summary>
        Failed = 6,
    }
}
