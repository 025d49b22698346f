namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Time as the firmware sees it. Monotonic time restarts at every boot (every deep-sleep wake is a
    /// boot); wall-clock time is only valid once set (SNTP on a radio wake, or the RTC kept across sleep).
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since this boot; never goes backwards.</summary>
        long MonotonicMilliseconds { get; }

        /// <summary>Wall-clock time as Unix milliseconds (UTC); false while the clock has not been set.</summary>
        bool TryGetUnixMilliseconds(out long unixMilliseconds);
    }
}
