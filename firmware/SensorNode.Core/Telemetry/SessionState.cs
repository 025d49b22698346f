namespace SensorNode.Core.Telemetry
{
    /// <summary>States of <see cref="TelemetrySession"/> (docs/spec/mqtt.md §9.2). Never renumber.</summary>
    public enum SessionState
    {
        /// <summary>Not connected; the next poll connects.</summary>
        Disconnected = 0,

        /// <summary>Connected: online published, cmd subscribed.</summary>
        Online = 1,

        /// <summary>The last connect failed or the link dropped; waiting before the next attempt.</summary>
        Backoff = 2,

        /// <summary>Announced sleeping and disconnected gracefully; nothing more until the next boot.</summary>
        Asleep = 3,
    }
}
