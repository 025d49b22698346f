using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.OtaMqtt;

/// <summary>A progress report per chunk allocates nothing in the core (writer, reporter, session).</summary>
[TestClass]
public sealed class OtaReporterAllocationTests
{
    [TestMethod]
    public void DownloadingReport_PerChunk_AllocatesNothing()
    {
        var link = new AcceptingLink();
        var session = new TelemetrySession(link, new MqttTopics("sensornode", "node1"), new MqttConnectOptions { ClientId = "node1" }, null, new SimulatedClock(), null, 4);
        Assert.AreEqual(MqttLinkStatus.Ok, session.Connect());
        var reporter = new MqttOtaReporter("1.0.0", null);
        reporter.Attach(session);
        reporter.Downloading("2.0.0", 0, 0, 300_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int chunk = 1; chunk <= 300; chunk++)
        {
            reporter.Downloading("2.0.0", chunk / 3, chunk * 1024, 300_000);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0L, allocated);
        Assert.AreEqual(302, link.Publishes, "online + 301 reports");
        Assert.IsFalse(reporter.HasUnsent);
    }

    /// <summary>Acknowledges everything without copying (the device adapter's copy is not the core's).</summary>
    private sealed class AcceptingLink : IMqttLink
    {
        public int Publishes;

        public bool IsConnected { get; private set; }

        public MqttLinkStatus Connect(MqttConnectOptions options)
        {
            IsConnected = true;
            return MqttLinkStatus.Ok;
        }

        public MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain)
        {
            Publishes++;
            return MqttLinkStatus.Ok;
        }

        public MqttLinkStatus Subscribe(string topicFilter, MqttQos qos) => MqttLinkStatus.Ok;

        public bool TryReceive(MqttInboundMessage message) => false;

        public void Disconnect() => IsConnected = false;
    }
}
