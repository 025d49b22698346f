using SensorNode.Core.Config;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// Decides whether a wake turns the radio on (issue 4, step 4). Time is counted in wakes, one reading
    /// per wake, so the decision needs no clock: the oldest of n waiting readings is (n-1) intervals old.
    /// </summary>
    public static class PublishPolicy
    {
        /// <summary>Reasons to publish now; <paramref name="waiting"/> counts the readings waiting, this wake's included.</summary>
        public static PublishReason Decide(NodeConfig config, Checkpoint state, bool firstBoot, int anomalyMask, int waiting)
        {
            PublishReason reasons = PublishReason.None;
            if (firstBoot)
            {
                reasons |= PublishReason.FirstBoot;
            }

            if (waiting >= config.PublishEvery)
            {
                reasons |= PublishReason.BatchFull;
            }

            if (anomalyMask != 0)
            {
                reasons |= PublishReason.Anomaly;
            }

            // At the next wake the oldest would have waited `waiting` intervals.
            if (waiting > 0 && (long)waiting * config.SampleIntervalSeconds >= config.MaxLatencySeconds)
            {
                reasons |= PublishReason.MaxLatency;
            }

            long sinceRadioSeconds = (long)(state.Wakes - state.LastRadioWake) * config.SampleIntervalSeconds;
            if (config.CommandWindowSeconds > 0 && sinceRadioSeconds >= config.CommandWindowSeconds)
            {
                reasons |= PublishReason.CommandWindow;
            }

            return reasons;
        }
    }
}
