using System;
using System.Net;
using MQTTnet.Server;

namespace SensorNode.Host.Mqtt;

/// <summary>An in-process MQTTnet broker on a loopback port, so that `sensornode simulate` needs nothing installed.</summary>
public sealed class EmbeddedBroker : IDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    /// <summary>The TCP port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts a broker on 127.0.0.1:<paramref name="port"/>; throws when the port is taken.</summary>
    public static EmbeddedBroker Start(int port)
    {
        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        // MQTTnet 5 assigns ids to empty-id clients only under MQTT 5 (dotnet/MQTTnet#2181): 3.1.1 clients
        // such as mosquitto_sub need -i <id> here (the watch hint says so).
        MqttServer server = new MqttServerFactory().CreateMqttServer(options);
        server.StartAsync().GetAwaiter().GetResult();
        return new EmbeddedBroker(server, port);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _server.StopAsync().GetAwaiter().GetResult();
        _server.Dispose();
    }
}
