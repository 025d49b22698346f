namespace SensorNode.Core.Ports
{
    /// <summary>Why this boot happened. Persisted in reports: never renumber.</summary>
    public enum WakeCause
    {
        /// <summary>The platform could not tell.</summary>
        Unknown = 0,

        /// <summary>Power-on, reset button, brownout or software reset: RAM and timers start from nothing.</summary>
        PowerOn = 1,

        /// <summary>The deep-sleep timer expired (the normal duty-cycle wake).</summary>
        Timer = 2,

        /// <summary>A pin, touch pad or other external source (e.g. a button to force a publish).</summary>
        External = 3,
    }
}
