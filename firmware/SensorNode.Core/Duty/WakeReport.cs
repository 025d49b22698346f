using SensorNode.Core.Ports;

namespace SensorNode.Core.Duty
{
    /// <summary>What one wake did, for logs, tests and the deep-sleep simulator. Refilled by every run.</summary>
    public sealed class WakeReport
    {
        /// <summary>Why this boot happened.</summary>
        public WakeCause Cause;

        /// <summary>What loading the retained log found.</summary>
        public LoadOutcome Load;

        /// <summary>The validation failure behind a clean start, or Ok.</summary>
        public RecordStatus Fault;

        /// <summary>Sequence number given to this wake's reading (0 if none was stored).</summary>
        public uint Sequence;

        /// <summary>Why the radio was wanted.</summary>
        public PublishReason Reasons;

        /// <summary>The radio was wanted but backoff or the awake budget held it off.</summary>
        public bool RadioDeferred;

        /// <summary>A connection was attempted.</summary>
        public bool RadioAttempted;

        /// <summary>Result of the connection attempt.</summary>
        public UplinkStatus ConnectStatus;

        /// <summary>Readings acknowledged by the broker in this wake.</summary>
        public int ReadingsAcknowledged;

        /// <summary>Readings dropped during this wake (evicted when full, or discarded with a corrupt state).</summary>
        public int ReadingsDropped;

        /// <summary>Readings still stored when the wake ended.</summary>
        public int ReadingsRetained;

        /// <summary>Commands processed.</summary>
        public int CommandsProcessed;

        /// <summary>The radio phase ran into the awake deadline.</summary>
        public bool DeadlineHit;

        /// <summary>An unexpected exception was caught (counted in CycleFaults).</summary>
        public bool CaughtFault;

        /// <summary>Schedule slots skipped because the wake overran.</summary>
        public int SkippedSlots;

        /// <summary>Monotonic time at which sleep was requested, in milliseconds.</summary>
        public long AwakeMilliseconds;

        /// <summary>Requested sleep, in milliseconds.</summary>
        public long SleepMilliseconds;

        /// <summary>Clears every field.</summary>
        public void Clear()
        {
            Cause = WakeCause.Unknown;
            Load = LoadOutcome.Loaded;
            Fault = RecordStatus.Ok;
            Sequence = 0;
            Reasons = PublishReason.None;
            RadioDeferred = false;
            RadioAttempted = false;
            ConnectStatus = UplinkStatus.Ok;
            ReadingsAcknowledged = 0;
            ReadingsDropped = 0;
            ReadingsRetained = 0;
            CommandsProcessed = 0;
            DeadlineHit = false;
            CaughtFault = false;
            SkippedSlots = 0;
            AwakeMilliseconds = 0;
            SleepMilliseconds = 0;
        }
    }
}
