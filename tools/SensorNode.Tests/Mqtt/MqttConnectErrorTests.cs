using System;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using nanoFramework.M2Mqtt.Exceptions;
using SensorNode.Core.Ports;
using SensorNode.Device.Mqtt;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// MqttConnectError against the exceptions upstream throws, wrapped the way M2Mqtt 5.1.220's MqttClient.Connect wraps
/// them: socket error codes from nf-interpreter src/PAL/Include/nanoPAL_Sockets.h, mbedTLS codes passed through by
/// ssl_connect_internal (firmware before nf-interpreter #3468), CryptographicException (firmware with #3468).
/// </summary>
[TestClass]
public sealed class MqttConnectErrorTests
{
    // What MqttClient.Connect throws for a SocketException from MqttNetworkChannel.Connect.
    private static Exception FromConnect(SocketException inner) => new MqttConnectionException($"Socket exception connecting to the broker: {inner.ErrorCode}", inner);

    // What it throws for anything else.
    private static Exception FromConnect(Exception inner) => new MqttConnectionException("Exception connecting to the broker", inner);

    [TestMethod]
    [DataRow(10060, DisplayName = "SOCK_ETIMEDOUT")]
    [DataRow(10061, DisplayName = "SOCK_ECONNREFUSED")]
    [DataRow(10065, DisplayName = "SOCK_EHOSTUNREACH")]
    [DataRow(10051, DisplayName = "SOCK_ENETUNREACH")]
    [DataRow(10054, DisplayName = "SOCK_ECONNRESET")]
    public void TcpConnectFailures_AreUnreachable_WithOrWithoutTls(int code)
    {
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(FromConnect(new SocketException(code)), false, true));
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(FromConnect(new SocketException(code)), false, false));
    }

    [TestMethod]
    [DataRow(-0x2700, DisplayName = "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED")]
    [DataRow(-0x7780, DisplayName = "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE")]
    [DataRow(-0x7200, DisplayName = "MBEDTLS_ERR_SSL_INVALID_RECORD")]
    [DataRow(-0x0050, DisplayName = "MBEDTLS_ERR_NET_CONN_RESET")]
    [DataRow(-1, DisplayName = "SOCK_SOCKET_ERROR (bad SSL context)")]
    public void HandshakeFailures_OfOlderFirmware_NegativeSocketErrorCodes_AreTls(int code)
    {
        Assert.AreEqual(MqttLinkStatus.TlsFailed, MqttConnectError.Classify(FromConnect(new SocketException(code)), false, true));
    }

    [TestMethod]
    public void HandshakeFailure_OfCurrentFirmware_CryptographicException_IsTls()
    {
        Assert.AreEqual(MqttConnectError.CryptographicExceptionName, typeof(CryptographicException).FullName);
        Assert.AreEqual(MqttLinkStatus.TlsFailed, MqttConnectError.Classify(FromConnect(new CryptographicException(-0x2700)), false, true));
    }

    [TestMethod]
    public void TlsSetUpErrors_AreTls_OnlyWhenTlsIsOn()
    {
        Assert.AreEqual(MqttLinkStatus.TlsFailed, MqttConnectError.Classify(FromConnect(new InvalidOperationException()), false, true));
        Assert.AreEqual(MqttLinkStatus.TlsFailed, MqttConnectError.Classify(FromConnect(new ArgumentException("SSL/TLS protocol version not supported")), false, true));
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(FromConnect(new InvalidOperationException()), false, false));
    }

    [TestMethod]
    public void NameResolution_WhileCreatingTheClient_IsUnreachable_EvenWithTls()
    {
        // MqttNetworkChannel's constructor: Dns.GetHostEntry (SOCK_HOST_NOT_FOUND) or "No address found for the remote host name".
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(new SocketException(11001), true, true));
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(new Exception("No address found for the remote host name"), true, true));
    }

    [TestMethod]
    public void FailuresAfterTheChannelIsUp_AreUnreachable()
    {
        // Not wrapped in MqttConnectionException: e.g. no CONNACK in time.
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(new TimeoutException(), false, true));
        Assert.AreEqual(MqttLinkStatus.Unreachable, MqttConnectError.Classify(new MqttConnectionException("Exception connecting to the broker", null!), false, true));
    }
}
