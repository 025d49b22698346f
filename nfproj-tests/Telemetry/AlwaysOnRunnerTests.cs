using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class AlwaysOnRunnerTests
    {
        private sealed class CountingSource : ISampleSource
        {
            public int Calls;

            public void Sample(SampleRecord record)
            {
                Calls++;
                record.Set(Channel.Temperature, 2000 + Calls, ReadingStatus.Ok);
                record.Set(Channel.Humidity, 0, ReadingStatus.ReadFailed);
            }
        }

        [TestMethod]
        public void BrokerOutage_KeepsReadings_AndDeliversEverySequenceNumberOnceInOrder()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            TestClock clock = new TestClock();
            clock.Unix = 1764254400000;
            NodeConfig config = new NodeConfig();
            config.SampleIntervalSeconds = 1;
            MqttConnectOptions options = new MqttConnectOptions();
            TelemetrySession session = new TelemetrySession(link, new MqttTopics("sensornode", "node1"), options, null, clock, null, 3);
            AlwaysOnRunner runner = new AlwaysOnRunner(session, new CountingSource(), clock, config, new HealthReport(), new PendingReadings(64), null);
            runner.NextSequence = 100;
            for (int second = 0; second < 60; second++)
            {
                if (second == 5)
                {
                    link.PublishesUntilDrop = 2;
                    link.ConnectResult = MqttLinkStatus.Unreachable;
                }

                if (second == 15)
                {
                    link.ConnectResult = MqttLinkStatus.Ok;
                }

                runner.Step(true);
                clock.Now += 1000;
            }

            uint expected = 100;
            SampleRecord r = new SampleRecord();
            System.Collections.ArrayList batches = link.On("sensornode/node1/telemetry");
            for (int b = 0; b < batches.Count; b++)
            {
                byte[] bytes = ((SimulatedMqttPublish)batches[b]).Payload;
                int count;
                Assert.AreEqual((int)BatchStatus.Ok, (int)TelemetryBatchDecoder.Check(bytes, 0, bytes.Length, out count));
                for (int i = 0; i < count; i++)
                {
                    TelemetryBatchDecoder.Read(bytes, 0, i, r);
                    Assert.AreEqual(expected, r.Sequence);
                    Assert.AreEqual((int)ReadingStatus.ReadFailed, (int)r.StatusOf(Channel.Humidity));
                    expected++;
                }
            }

            Assert.AreEqual(160u, expected);
            Assert.IsTrue(link.ConnectAttempts >= 4, "the outage forced reconnects");
            Assert.IsTrue(link.On("sensornode/node1/status").Count >= 3, "online, offline will, online again");
            Assert.AreEqual(0, runner.Pending.Count);
            Assert.AreEqual("online", link.RetainedText("sensornode/node1/status"));
            Assert.Contains("\"seq\":159", link.RetainedText("sensornode/node1/state"));
            Assert.Contains("\"readings_dropped\":0", link.RetainedText("sensornode/node1/health"));
            Assert.IsTrue(link.RetainedText("homeassistant/sensor/node1/temperature/config") != null);
        }

        [TestMethod]
        public void FullBuffer_DropsOldest_AndCountsIt()
        {
            PendingReadings p = new PendingReadings(2);
            SampleRecord r = new SampleRecord();
            for (uint i = 1; i <= 3; i++)
            {
                r.Sequence = i;
                p.Add(r);
            }

            Assert.AreEqual(2, p.Count);
            Assert.AreEqual(1u, p.Dropped);
            Assert.AreEqual(2u, p.Ring[p.Start].Sequence);
            Assert.AreEqual(3u, p.Newest.Sequence);
        }
    }
}
