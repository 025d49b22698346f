namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Optional capability of an <see cref="IMqttLink"/>: a bound on how long each blocking call (connect,
    /// publish until PUBACK, subscribe, disconnect) may take. <see cref="Telemetry.MqttUplink"/> sets it to
    /// the time left before each call, so a broker that accepts TCP and never answers cannot hold a wake past
    /// its deadline. Links without it use their own fixed timeout.
    /// </summary>
    public interface IMqttCallTimeout
    {
        /// <summary>Longest time the next calls may block, in milliseconds (at least 1).</summary>
        int CallTimeoutMilliseconds { get; set; }
    }
}
