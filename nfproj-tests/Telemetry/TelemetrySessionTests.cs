using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class TelemetrySessionTests
    {
        private static TelemetrySession NewSession(SimulatedMqttLink link, TestClock clock, NodeConfig config)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = "node1";
            return new TelemetrySession(link, new MqttTopics("sensornode", "node1"), options, new ConfigCommandHandler(config, null), clock, null, 4);
        }

        [TestMethod]
        public void Connect_SetsOfflineWill_PublishesOnlineRetained_ThenSubscribesToCmd()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            TelemetrySession s = NewSession(link, new TestClock(), new NodeConfig());
            Assert.AreEqual((int)MqttLinkStatus.Ok, (int)s.Connect());
            Assert.AreEqual("sensornode/node1/status", link.LastOptions.WillTopic);
            Assert.AreEqual("offline", link.LastOptions.WillPayload);
            SimulatedMqttPublish first = (SimulatedMqttPublish)link.Published[0];
            Assert.AreEqual("sensornode/node1/status", first.Topic);
            Assert.AreEqual("online", first.Text);
            Assert.IsTrue(first.Retain);
            Assert.AreEqual("sensornode/node1/cmd", (string)link.Subscriptions[0]);
            Assert.AreEqual((int)SessionState.Online, (int)s.State);
        }

        [TestMethod]
        public void Kill_LeavesOfflineRetained()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            NewSession(link, new TestClock(), new NodeConfig()).Connect();
            link.Kill();
            Assert.AreEqual("offline", link.RetainedText("sensornode/node1/status"));
        }

        [TestMethod]
        public void Sleep_PublishesSleepThenSleeping_AndDisconnectsGracefully()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            TelemetrySession s = NewSession(link, new TestClock(), new NodeConfig());
            s.Connect();
            Assert.AreEqual((int)MqttLinkStatus.Ok, (int)s.Sleep(1764254700000, 300));
            Assert.AreEqual("sleeping", link.RetainedText("sensornode/node1/status"));
            Assert.AreEqual("{\"next_wake\":1764254700000,\"sleep_s\":300}", link.RetainedText("sensornode/node1/sleep"));
            Assert.AreEqual(1, link.Disconnects);
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual((int)SessionState.Asleep, (int)s.State);
            link.Kill();
            Assert.AreEqual("sleeping", link.RetainedText("sensornode/node1/status"));
        }

        [TestMethod]
        public void ConnectRefused_BacksOffDoubling_ThenRetries()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            link.ConnectResult = MqttLinkStatus.BadCredentials;
            TestClock clock = new TestClock();
            TelemetrySession s = NewSession(link, clock, new NodeConfig());
            Assert.AreEqual((int)SessionState.Backoff, (int)s.Poll());
            Assert.AreEqual((int)MqttLinkStatus.BadCredentials, (int)s.LastConnectStatus);
            clock.Now = 999;
            s.Poll();
            Assert.AreEqual(1, link.ConnectAttempts);
            clock.Now = 1000;
            s.Poll();
            Assert.AreEqual(2, link.ConnectAttempts);
            clock.Now = 2999;
            s.Poll();
            Assert.AreEqual(2, link.ConnectAttempts);
            link.ConnectResult = MqttLinkStatus.Ok;
            clock.Now = 3000;
            Assert.AreEqual((int)SessionState.Online, (int)s.Poll());
        }

        [TestMethod]
        public void InvalidCommand_GetsErrorResult_AndChangesNothing()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            NodeConfig config = new NodeConfig();
            TelemetrySession s = NewSession(link, new TestClock(), config);
            s.Connect();
            link.Inject("sensornode/node1/cmd", TestText.Ascii("{\"cmd\":\"set_interval\",\"seconds\":-5}"));
            link.Inject("sensornode/node1/cmd", TestText.Ascii("{\"id\":\"q\",\"cmd\":\"set_interval\",\"seconds\":5}"));
            Assert.AreEqual(2, s.ProcessCommands(10));
            SimulatedMqttPublish bad = (SimulatedMqttPublish)link.On("sensornode/node1/cmd/result")[0];
            SimulatedMqttPublish good = (SimulatedMqttPublish)link.On("sensornode/node1/cmd/result")[1];
            Assert.AreEqual("{\"cmd\":\"set_interval\",\"ok\":false,\"error\":\"out_of_range\",\"field\":\"seconds\"}", bad.Text);
            Assert.AreEqual("{\"id\":\"q\",\"cmd\":\"set_interval\",\"ok\":true}", good.Text);
            Assert.AreEqual(5, config.SampleIntervalSeconds);
            Assert.AreEqual(1, config.ConfigVersion);
        }

        [TestMethod]
        public void PublishBatch_SendsAtMostMaxBatchReadings()
        {
            SimulatedMqttLink link = new SimulatedMqttLink();
            TelemetrySession s = NewSession(link, new TestClock(), new NodeConfig());
            s.Connect();
            PendingReadings pending = new PendingReadings(8);
            for (uint i = 0; i < 6; i++)
            {
                SampleRecord r = new SampleRecord();
                r.Sequence = i;
                pending.Add(r);
            }

            int sent;
            Assert.AreEqual((int)MqttLinkStatus.Ok, (int)s.PublishBatch(pending.Ring, pending.Start, pending.Count, out sent));
            Assert.AreEqual(4, sent);
            SimulatedMqttPublish batch = (SimulatedMqttPublish)link.On("sensornode/node1/telemetry")[0];
            Assert.AreEqual(TelemetryFormat.BatchSize(4), batch.Payload.Length);
            Assert.IsFalse(batch.Retain);
            Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)batch.Qos);
        }
    }
}
