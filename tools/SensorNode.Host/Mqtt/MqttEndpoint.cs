using System;

namespace SensorNode.Host.Mqtt;

/// <summary>
/// Where and how the host connects: broker address, TLS material and credentials
/// (docs/spec/mqtt.md §10). Built from `--broker mqtt://host:port | mqtts://host:port` and friends.
/// </summary>
public sealed class MqttEndpoint
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>True for mqtts:// (TLS).</summary>
    public bool UseTls { get; init; }

    /// <summary>PEM file of the CA that must have signed the broker's certificate; null = the system's roots.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate for mutual TLS, or null.</summary>
    public string? CertFile { get; init; }

    /// <summary>PEM private key of the client certificate, or null.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Seconds to wait for CONNACK, PUBACK or SUBACK.</summary>
    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>
    /// Parses mqtt://host[:port] (default 1883) or mqtts://host[:port] (default 8883); null with a reason when invalid.
    /// The one broker-URL parser of every verb (simulate, monitor, collect): credentials in the URL are refused here
    /// (<see cref="BrokerUrlCredentials"/>), the same way everywhere.
    /// </summary>
    public static MqttEndpoint? TryParse(string text, out string error)
    {
        error = string.Empty;
        if (BrokerUrlCredentials.HasCredentials(text))
        {
            error = BrokerUrlCredentials.Refusal;
            return null;
        }

        bool tls;
        string rest;
        if (text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase))
        {
            tls = true;
            rest = text.Substring(8);
        }
        else if (text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase))
        {
            tls = false;
            rest = text.Substring(7);
        }
        else
        {
            error = $"--broker must be mqtt://host[:port] or mqtts://host[:port], got '{BrokerUrlCredentials.Redact(text)}'";
            return null;
        }

        rest = rest.TrimEnd('/');
        int port = tls ? 8883 : 1883;
        string host = rest;
        int colon = rest.LastIndexOf(':');
        if (colon > 0 && !rest.EndsWith(']'))
        {
            host = rest.Substring(0, colon);
            if (!int.TryParse(rest.Substring(colon + 1), out port) || port < 1 || port > 65535)
            {
                error = $"--broker port must be 1..65535, got '{rest.Substring(colon + 1)}'";
                return null;
            }
        }

        host = host.Trim('[', ']');
        if (host.Length == 0 || host.Contains('/'))
        {
            error = $"--broker needs a host name, got '{BrokerUrlCredentials.Redact(text)}'";
            return null;
        }

        return new MqttEndpoint { Host = host, Port = port, UseTls = tls };
    }

    /// <summary>Copy with TLS material and credentials.</summary>
    public MqttEndpoint With(string? ca, string? cert, string? key) =>
        new() { Host = Host, Port = Port, UseTls = UseTls, CaFile = ca, CertFile = cert, KeyFile = key, TimeoutSeconds = TimeoutSeconds };

    /// <inheritdoc />
    public override string ToString() => (UseTls ? "mqtts://" : "mqtt://") + Host + ":" + Port;
}
