using SensorNode.Core.Ports;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// The duty cycle's retained counters and cursors (docs/spec/retained-state.md §4.3). The newest
    /// valid checkpoint record in the log is the state; plain fields, copied by value.
    /// </summary>
    public sealed class Checkpoint
    {
        private static readonly Checkpoint Empty = new Checkpoint();

        /// <summary>Every reading with a sequence number up to this one is published or evicted.</summary>
        public uint ReleasedThroughSequence;

        /// <summary>Sequence number the next reading gets (starts at 1).</summary>
        public uint NextSequence = 1;

        /// <summary>Boots not caused by the sleep timer.</summary>
        public int Boots;

        /// <summary>Wakes of any cause.</summary>
        public int Wakes;

        /// <summary>Wakes that turned the radio on.</summary>
        public int RadioSessions;

        /// <summary>Readings evicted unpublished (oldest first) or discarded with a corrupt state.</summary>
        public int ReadingsDropped;

        /// <summary>Times the log failed validation and the node started clean.</summary>
        public int StateFaults;

        /// <summary>Torn appends found and repaired at boot.</summary>
        public int TornWritesRepaired;

        /// <summary>Wakes that ended in an unexpected exception.</summary>
        public int CycleFaults;

        /// <summary>Wakes that reached the awake deadline.</summary>
        public int DeadlineHits;

        /// <summary>Consecutive failed radio sessions (no connection, or the awake deadline reached while connected).</summary>
        public int ConnectFailuresInRow;

        /// <summary>First wake number (<see cref="Wakes"/>) at which the radio may be tried again (backoff).</summary>
        public int RadioAllowedAtWake;

        /// <summary>Wake number of the last radio session.</summary>
        public int LastRadioWake;

        /// <summary>State of the jitter generator (xorshift32); 0 means "seed me".</summary>
        public uint JitterState;

        /// <summary>Target time of the next timer wake, in schedule milliseconds (see <see cref="TargetIsUnix"/>).</summary>
        public long NextWakeTargetMilliseconds;

        /// <summary>True when <see cref="NextWakeTargetMilliseconds"/> is Unix time; false when it is the node's own estimate.</summary>
        public bool TargetIsUnix;

        /// <summary>Status of the last connection attempt.</summary>
        public UplinkStatus LastConnectStatus;

        /// <summary>Readings stored and not yet released.</summary>
        public int RetainedCount
        {
            get { return (int)(NextSequence - 1 - ReleasedThroughSequence); }
        }

        /// <summary>Copies every field from another checkpoint.</summary>
        public void CopyFrom(Checkpoint other)
        {
            ReleasedThroughSequence = other.ReleasedThroughSequence;
            NextSequence = other.NextSequence;
            Boots = other.Boots;
            Wakes = other.Wakes;
            RadioSessions = other.RadioSessions;
            ReadingsDropped = other.ReadingsDropped;
            StateFaults = other.StateFaults;
            TornWritesRepaired = other.TornWritesRepaired;
            CycleFaults = other.CycleFaults;
            DeadlineHits = other.DeadlineHits;
            ConnectFailuresInRow = other.ConnectFailuresInRow;
            RadioAllowedAtWake = other.RadioAllowedAtWake;
            LastRadioWake = other.LastRadioWake;
            JitterState = other.JitterState;
            NextWakeTargetMilliseconds = other.NextWakeTargetMilliseconds;
            TargetIsUnix = other.TargetIsUnix;
            LastConnectStatus = other.LastConnectStatus;
        }

        /// <summary>Resets to the state of a node that has never run.</summary>
        public void Clear()
        {
            CopyFrom(Empty);
        }
    }
}
