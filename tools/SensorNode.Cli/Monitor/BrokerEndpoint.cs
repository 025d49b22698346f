using System;

namespace SensorNode.Cli.Monitor;

/// <summary>A broker URL: mqtt://host[:port] (default 1883) or mqtts://host[:port] (TLS, default 8883).</summary>
internal sealed record BrokerEndpoint(string Host, int Port, bool Tls)
{
    public static BrokerEndpoint Parse(string url)
    {
        if (SensorNode.Host.Mqtt.BrokerUrlCredentials.HasCredentials(url))
        {
            throw new CliException(SensorNode.Host.Mqtt.BrokerUrlCredentials.Refusal);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || uri.Host.Length == 0)
        {
            throw new CliException($"--broker must be mqtt://host[:port] or mqtts://host[:port], got '{url}'");
        }

        bool tls = uri.Scheme == "mqtts";
        int port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port;
        return new BrokerEndpoint(uri.IdnHost, port, tls);
    }

    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
