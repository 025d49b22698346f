namespace SensorNode.Core.Ports
{
    /// <summary>
    /// What <see cref="IMqttLink.Connect"/> sends in CONNECT: client id, credentials, keep-alive and the
    /// will. Where to connect and how (host, port, TLS, certificates) belongs to the adapter.
    /// </summary>
    public sealed class MqttConnectOptions
    {
        /// <summary>Client id; the node id (the ACL pattern %c relies on it).</summary>
        public string ClientId;

        /// <summary>User name, or null / empty for none.</summary>
        public string Username;

        /// <summary>Password, or null / empty for none.</summary>
        public string Password;

        /// <summary>Keep-alive, seconds (1..65535).</summary>
        public int KeepAliveSeconds = 60;

        /// <summary>Will topic (&lt;base&gt;/status).</summary>
        public string WillTopic;

        /// <summary>Will payload ("offline"); sent retained at QoS 1.</summary>
        public string WillPayload;
    }
}
