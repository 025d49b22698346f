namespace SensorNode.Core.Telemetry
{
    /// <summary>Overall health, ESPHome style (docs/spec/mqtt.md §6). Never renumber.</summary>
    public enum HealthLevel
    {
        /// <summary>Every sensor read and nothing was dropped.</summary>
        Ok = 0,

        /// <summary>Some sensor failed its last read, or readings were dropped.</summary>
        Warning = 1,

        /// <summary>Every sensor failed its last read.</summary>
        Failed = 2,
    }
}
