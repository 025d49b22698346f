namespace SensorNode.Core.Telemetry
{
    /// <summary>The three payloads of &lt;base&gt;/status (docs/spec/mqtt.md §3), as text and as bytes.</summary>
    public static class StatusPayload
    {
        /// <summary>Published retained right after connecting.</summary>
        public const string Online = "online";

        /// <summary>The last will (retained, QoS 1).</summary>
        public const string Offline = "offline";

        /// <summary>Published retained before a graceful disconnect into deep sleep.</summary>
        public const string Sleeping = "sleeping";

        /// <summary>ASCII bytes of <see cref="Online"/>.</summary>
        public static readonly byte[] OnlineBytes = new byte[] { (byte)'o', (byte)'n', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

        /// <summary>ASCII bytes of <see cref="Offline"/>.</summary>
        public static readonly byte[] OfflineBytes = new byte[] { (byte)'o', (byte)'f', (byte)'f', (byte)'l', (byte)'i', (byte)'n', (byte)'e' };

        /// <summary>ASCII bytes of <see cref="Sleeping"/>.</summary>
        public static readonly byte[] SleepingBytes = new byte[] { (byte)'s', (byte)'l', (byte)'e', (byte)'e', (byte)'p', (byte)'i', (byte)'n', (byte)'g' };
    }
}
