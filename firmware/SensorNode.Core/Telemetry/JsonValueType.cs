namespace SensorNode.Core.Telemetry
{
    /// <summary>Type of a value in a flat JSON object, as seen by <see cref="FlatJsonScanner"/>.</summary>
    public enum JsonValueType
    {
        /// <summary>The key was not present.</summary>
        Absent = 0,

        /// <summary>A string.</summary>
        String = 1,

        /// <summary>A number without exponent.</summary>
        Number = 2,

        /// <summary>true or false.</summary>
        Boolean = 3,

        /// <summary>null.</summary>
        Null = 4,

        /// <summary>A number with an exponent (not accepted).</summary>
        ExponentNumber = 5,
    }
}
