namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Where the OTA updater reports progress and results; the MQTT layer publishes them
    /// (state names: downloading, verifying, trial, confirmed, rejected, rolled_back).
    /// </summary>
    public interface IOtaReporter
    {
        /// <summary>Download progress; <paramref name="percent"/> is -1 while the total is unknown.</summary>
        void Downloading(string version, int percent, int bytes, int totalBytes);

        /// <summary>The download is complete and being verified.</summary>
        void Verifying(string version);

        /// <summary>The node runs <paramref name="version"/> on trial, awaiting its health check.</summary>
        void Trial(string version);

        /// <summary><paramref name="version"/> passed its health check and is now the confirmed image.</summary>
        void Confirmed(string version);

        /// <summary>The update was refused; the node keeps its current image. <paramref name="reason"/> is a snake_case text.</summary>
        void Rejected(string version, string reason);

        /// <summary>The order's download could not finish (unreachable, timeout, http_status, too_long, …); the node keeps its current image.</summary>
        void Failed(string version, string reason);

        /// <summary>The node went back to its confirmed image from <paramref name="version"/>.</summary>
        void RolledBack(string version, string reason);
    }
}
