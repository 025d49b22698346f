namespace SensorNode.Core.Sensors
{
    /// <summary>A sensor's health as one level, published with telemetry. On the wire: never renumber.</summary>
    public enum HealthLevel
    {
        /// <summary>The last read was good.</summary>
        Ok = 0,

        /// <summary>Recent reads failed, fewer than <see cref="SensorHealth.FailedAfter"/> in a row.</summary>
        Warning = 1,

        /// <summary>Absent, or <see cref="SensorHealth.FailedAfter"/> or more failed reads in a row.</summary>
        Failed = 2,
    }
}
