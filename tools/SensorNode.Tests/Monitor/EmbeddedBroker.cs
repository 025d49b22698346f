using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SensorNode.Tests.Monitor;

/// <summary>An in-process MQTTnet broker on a free port, and a client that publishes retained messages to it.</summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"mqtt://127.0.0.1:{Port}";

    public static async Task<EmbeddedBroker> StartAsync()
    {
        int port = FreePort();
        var options = new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build();
        MqttServer server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new EmbeddedBroker(server, port);
    }

    /// <summary>Publishes each (topic, payload) with QoS 1 and the retain flag, from one real client connection.</summary>
    public async Task PublishRetainedAsync(params (string Topic, string Payload)[] messages)
    {
        var factory = new MqttClientFactory();
        using IMqttClient client = factory.CreateMqttClient();
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", Port).WithClientId("fleet-" + Guid.NewGuid().ToString("N")).Build());
        foreach ((string topic, string payload) in messages)
        {
            MqttApplicationMessage message = factory.CreateApplicationMessageBuilder()
                .WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithRetainFlag(true)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            await client.PublishAsync(message);
        }

        await client.DisconnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
