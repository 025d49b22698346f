namespace SensorNode.Core.Sensors.Drivers
{
    /// <summary>An accelerometer's measurement axis, as printed on the part. Persisted in board profiles: never renumber.</summary>
    public enum Axis
    {
        /// <summary>X axis.</summary>
        X = 0,

        /// <summary>Y axis.</summary>
        Y = 1,

        /// <summary>Z axis.</summary>
        Z = 2,
    }
}
