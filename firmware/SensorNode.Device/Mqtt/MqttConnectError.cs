using System;
using System.Net.Sockets;
using nanoFramework.M2Mqtt.Exceptions;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Mqtt
{
    /// <summary>
    /// Tells a TLS or certificate failure apart from an unreachable broker, from what nanoFramework and M2Mqtt 5.1.220
    /// actually throw (read from nanoframework/nanoFramework.m2mqtt v5.1.220 and nf-interpreter):
    /// <list type="bullet">
    /// <item><c>new MqttClient(...)</c> resolves the host name (<c>MqttNetworkChannel</c>'s constructor,
    /// <c>Dns.GetHostEntry</c>): any failure there is <see cref="MqttLinkStatus.Unreachable"/>.</item>
    /// <item><c>MqttClient.Connect</c> wraps what the channel's TCP connect and TLS handshake throw in
    /// <see cref="MqttConnectionException"/>. A <see cref="SocketException"/> with a positive error code is the
    /// TCP connect (10060 timed out, 10061 refused, 10065 host unreachable, ...): Unreachable. A negative one is an
    /// mbedTLS error code, which firmware before nf-interpreter #3468 (July 2026) passes unchanged from
    /// <c>ssl_connect_internal</c> to <c>SslNative.ThrowOnError</c> (-0x2700 certificate verify failed, -0x7780 fatal
    /// alert, -0x0050 connection reset during the handshake): TLS. Firmware with #3468 throws
    /// <c>System.Security.Cryptography.CryptographicException</c> (error code = the mbedTLS code) for a failed
    /// handshake or certificate check; it is matched by name because System.Net 1.11.60 does not declare it. Any
    /// other exception there (InvalidOperationException for a bad SSL context or host name, ArgumentException for
    /// the protocol version) comes from the TLS set-up when TLS is on.</item>
    /// <item>Anything <c>Connect</c> throws after the channel is up (no CONNACK in time) is Unreachable.</item>
    /// </list>
    /// </summary>
    public static class MqttConnectError
    {
        /// <summary>The full name of the exception nanoFramework firmware with nf-interpreter #3468 throws for TLS.</summary>
        public const string CryptographicExceptionName = "System.Security.Cryptography.CryptographicException";

        /// <summary>Classifies <paramref name="ex"/>, thrown while creating the client (<paramref name="creatingClient"/>) or by Connect.</summary>
        public static MqttLinkStatus Classify(Exception ex, bool creatingClient, bool useTls)
        {
            if (creatingClient || !(ex is MqttConnectionException))
            {
                return MqttLinkStatus.Unreachable;
            }

            Exception cause = ex.InnerException;
            if (cause == null)
            {
                return MqttLinkStatus.Unreachable;
            }

            SocketException socket = cause as SocketException;
            if (socket != null)
            {
                return socket.ErrorCode < 0 && useTls ? MqttLinkStatus.TlsFailed : MqttLinkStatus.Unreachable;
            }

            if (cause.GetType().FullName == CryptographicExceptionName)
            {
                return MqttLinkStatus.TlsFailed;
            }

            return useTls ? MqttLinkStatus.TlsFailed : MqttLinkStatus.Unreachable;
        }
    }
}
