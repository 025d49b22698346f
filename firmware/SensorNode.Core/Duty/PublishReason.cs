using System;

namespace SensorNode.Core.Duty
{
    /// <summary>Why a wake wants the radio (flags; several may hold). Reported: never renumber.</summary>
    [Flags]
    public enum PublishReason
    {
        /// <summary>Nothing is due: store the reading and sleep.</summary>
        None = 0,

        /// <summary>At least PublishEvery readings are waiting.</summary>
        BatchFull = 1,

        /// <summary>This reading was flagged as an anomaly.</summary>
        Anomaly = 2,

        /// <summary>The oldest waiting reading would exceed MaxLatencySeconds by the next wake.</summary>
        MaxLatency = 4,

        /// <summary>No radio session for CommandWindowSeconds: listen for commands and updates.</summary>
        CommandWindow = 8,

        /// <summary>First wake after power-on, reset, an external wake or a fresh state.</summary>
        FirstBoot = 16,
    }
}
