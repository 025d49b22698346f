namespace SensorNode.Core.Ports
{
    /// <summary>Outcome of one <see cref="IUplink"/> call. Persisted in the retained checkpoint: never renumber.</summary>
    public enum UplinkStatus
    {
        /// <summary>The call did what was asked.</summary>
        Ok = 0,

        /// <summary>Wi-Fi did not associate or got no address.</summary>
        WifiFailed = 1,

        /// <summary>The broker's host did not resolve or refused the TCP connection.</summary>
        BrokerUnreachable = 2,

        /// <summary>The TLS handshake failed (certificate, time, protocol).</summary>
        TlsFailed = 3,

        /// <summary>The broker answered CONNACK with a refusal (credentials, client id).</summary>
        BrokerRefused = 4,

        /// <summary>The deadline passed before the call completed (includes a broker that never answers).</summary>
        Timeout = 5,

        /// <summary>The link dropped, or the call was made without a connection.</summary>
        NotConnected = 6,
    }
}
