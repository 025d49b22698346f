using SensorNode.Host.Mqtt;

namespace SensorNode.Cli.Monitor;

/// <summary>The broker monitor watches: host, port and TLS, read by the one broker-URL parser every verb uses (<see cref="MqttEndpoint.TryParse"/>).</summary>
internal sealed record BrokerEndpoint(string Host, int Port, bool Tls)
{
    public static BrokerEndpoint Parse(string url)
    {
        MqttEndpoint endpoint = MqttEndpoint.TryParse(url, out string error) ?? throw new CliException(error);
        return new BrokerEndpoint(endpoint.Host, endpoint.Port, endpoint.UseTls);
    }

    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
