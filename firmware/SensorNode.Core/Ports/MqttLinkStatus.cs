namespace SensorNode.Core.Ports
{
    /// <summary>Outcome of an <see cref="IMqttLink"/> call (docs/spec/mqtt.md §9.1). Never renumber.</summary>
    public enum MqttLinkStatus
    {
        /// <summary>Done (for QoS 1: acknowledged by the broker).</summary>
        Ok = 0,

        /// <summary>Not connected.</summary>
        NotConnected = 1,

        /// <summary>DNS, TCP or a timeout: the broker could not be reached.</summary>
        Unreachable = 2,

        /// <summary>TLS failed: the server certificate did not verify against the CA, or the handshake failed.</summary>
        TlsFailed = 3,

        /// <summary>CONNACK: bad user name or password.</summary>
        BadCredentials = 4,

        /// <summary>CONNACK: not authorized (or the client id was rejected).</summary>
        NotAuthorized = 5,

        /// <summary>CONNACK: any other refusal (protocol version, server unavailable).</summary>
        Refused = 6,

        /// <summary>The broker did not acknowledge in time, or the connection dropped during the call.</summary>
        Timeout = 7,

        /// <summary>The broker refused a publish or subscription (MQTT 5 reason code, or SUBACK failure).</summary>
        Rejected = 8,
    }
}
