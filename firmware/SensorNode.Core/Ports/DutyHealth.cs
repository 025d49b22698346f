namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Duty-cycle health published on radio wakes: counters kept in the retained state across deep sleep.
    /// Allocated once and refilled by the wake cycle.
    /// </summary>
    public sealed class DutyHealth
    {
        /// <summary>Boots not caused by the sleep timer (power-on, reset), since the state was created.</summary>
        public int Boots;

        /// <summary>Wakes of any cause.</summary>
        public int Wakes;

        /// <summary>Wakes that turned the radio on.</summary>
        public int RadioSessions;

        /// <summary>Consecutive failed radio sessions (no connection, or the deadline reached while connected).</summary>
        public int ConnectFailuresInRow;

        /// <summary>Readings evicted unpublished because the retained buffer was full (oldest first), or lost to a corrupt state.</summary>
        public int ReadingsDropped;

        /// <summary>Readings stored and not yet acknowledged, this one included.</summary>
        public int ReadingsRetained;

        /// <summary>Capacity of the retained buffer, in readings.</summary>
        public int CapacityReadings;

        /// <summary>Times the retained state failed validation and the node started clean.</summary>
        public int StateFaults;

        /// <summary>Torn appends (power lost while writing) found and repaired at boot.</summary>
        public int TornWritesRepaired;

        /// <summary>Wakes that reached the awake deadline.</summary>
        public int DeadlineHits;

        /// <summary>Wakes that ended in an unexpected exception (caught; the node still slept).</summary>
        public int CycleFaults;

        /// <summary>Sequence number of the newest reading.</summary>
        public uint LastSequence;

        /// <summary>How this boot started (a <see cref="WakeCause"/>).</summary>
        public WakeCause LastWakeCause;

        /// <summary>Status of the previous connection attempt.</summary>
        public UplinkStatus LastConnectStatus;

        /// <summary>Time awake in this wake so far, in milliseconds.</summary>
        public long AwakeMilliseconds;
    }
}
