using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// Base of a test class that runs against its own real Mosquitto (<see cref="BrokerFixture"/>): the derived
/// class starts it in its [ClassInitialize] with <see cref="StartBroker"/> and stops it in [ClassCleanup].
/// Generic in the derived class so that every test class has its own broker (classes run in parallel).
/// </summary>
public abstract class BrokerTestClass<TSelf>
    where TSelf : BrokerTestClass<TSelf>
{
    /// <summary>Safety limit of one wait, sized for a loaded 2-core machine.</summary>
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    private static BrokerFixture? _fixture;

    private protected static TestPki Pki => _fixture!.Pki;

    private protected static Mosquitto Broker => _fixture!.Broker;

    protected static string WorkDirectory => _fixture!.Directory;

    protected static string StateDirectory(string tag) => _fixture!.StateDirectory(tag);

    protected static void StartBroker(string purpose) => _fixture = BrokerFixture.Start(purpose);

    protected static void StopBroker() => _fixture?.Dispose();

    /// <summary>
    /// Decodes every telemetry batch <paramref name="watcher"/> saw from <paramref name="node"/> until
    /// <paramref name="enough"/> holds (each batch must decode); on timeout the message ends with <paramref name="context"/>.
    /// </summary>
    private protected static List<SampleRecord> WaitForReadings(Watcher watcher, string node, Func<List<SampleRecord>, bool> enough, Func<string> context)
    {
        DateTime deadline = DateTime.UtcNow + Long;
        while (true)
        {
            var readings = new List<SampleRecord>();
            foreach (Watcher.Received m in watcher.On($"sensornode/{node}/telemetry"))
            {
                Assert.AreEqual(BatchStatus.Ok, TelemetryBatchDecoder.Check(m.Payload, 0, m.Payload.Length, out int count));
                for (int i = 0; i < count; i++)
                {
                    var r = new SampleRecord();
                    TelemetryBatchDecoder.Read(m.Payload, 0, i, r);
                    readings.Add(r);
                }
            }

            if (enough(readings))
            {
                return readings;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not enough readings within {Long.TotalSeconds} s ({readings.Count}: {string.Join(",", readings.Select(r => r.Sequence))})\n{context()}");
            }

            Thread.Sleep(100);
        }
    }
}
