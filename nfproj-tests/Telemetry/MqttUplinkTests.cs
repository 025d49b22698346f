using nanoFramework.TestFramework;
using NFUnitTest.Duty;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class MqttUplinkTests
    {
        private static NodeConfig Config()
        {
            NodeConfig config = new NodeConfig();
            config.Mode = NodeMode.DeepSleep;
            config.SampleIntervalSeconds = 300;
            config.PublishEvery = 1;
            config.CommandListenMilliseconds = 100;
            return config;
        }

        private static MqttUplink Uplink(IMqttLink link, SimulatedClock clock, NodeConfig config)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = "node1";
            TelemetrySession session = new TelemetrySession(link, new MqttTopics("sensornode", "node1"), options, new ConfigCommandHandler(config, null), clock, null, WakeCycle.PublishChunkReadings);
            return new MqttUplink(link, session, config, clock);
        }

        [TestMethod]
        public void WakeCycle_OverMqttUplink_PublishesReadingHealthStateDiscovery_AndLeavesSleeping()
        {
            SimulatedClock clock = new SimulatedClock();
            SimulatedMqttLink link = new SimulatedMqttLink();
            NodeConfig config = Config();
            MqttUplink uplink = Uplink(link, clock, config);
            WakeReport report = new WakeCycle(config, clock, new SimulatedFileStore(), new CountingSampleSource(clock), uplink, new SimulatedSleepController(WakeCause.PowerOn)).Run();

            Assert.AreEqual(1, report.ReadingsAcknowledged);
            Assert.AreEqual(1, link.On("sensornode/node1/telemetry").Count);
            Assert.AreEqual("sleeping", link.RetainedText("sensornode/node1/status"));
            Assert.IsTrue(link.RetainedText("sensornode/node1/sleep").IndexOf("\"sleep_s\":") > 0);
            string health = link.RetainedText("sensornode/node1/health");
            Assert.IsTrue(health.IndexOf("\"reset_reason\":\"power_on\"") > 0, health);
            Assert.IsTrue(health.IndexOf("\"boot_count\":1") > 0, health);
            Assert.IsTrue(link.RetainedText("sensornode/node1/state") != null);
            Assert.IsTrue(link.RetainedText("homeassistant/binary_sensor/node1/anomaly/config") != null, "discovery on a power-on boot");
            Assert.IsFalse(link.IsConnected);
        }

        [TestMethod]
        public void TimerWake_PublishesNoDiscovery_UnlessDue()
        {
            SimulatedClock clock = new SimulatedClock();
            SimulatedMqttLink link = new SimulatedMqttLink();
            NodeConfig config = Config();
            MqttUplink uplink = Uplink(link, clock, config);
            DutyHealth health = new DutyHealth();
            health.LastWakeCause = WakeCause.Timer;
            health.CapacityReadings = 8;
            Assert.AreEqual((int)UplinkStatus.Ok, (int)uplink.Connect(10000));
            Assert.AreEqual((int)UplinkStatus.Ok, (int)uplink.PublishHealth(health, 10000));
            Assert.IsNull(link.RetainedText("homeassistant/binary_sensor/node1/anomaly/config"));
            uplink.DiscoveryDue = true;
            uplink.PublishHealth(health, 10000);
            Assert.IsNotNull(link.RetainedText("homeassistant/binary_sensor/node1/anomaly/config"));
            Assert.IsFalse(uplink.DiscoveryDue);
        }

        [TestMethod]
        public void PassedDeadline_EveryCallReturnsAtOnce_WithoutTouchingTheLink()
        {
            SimulatedClock clock = new SimulatedClock();
            SimulatedMqttLink link = new SimulatedMqttLink();
            MqttUplink uplink = Uplink(link, clock, Config());
            clock.Advance(5000);
            Assert.AreEqual((int)UplinkStatus.Timeout, (int)uplink.Connect(5000));
            Assert.AreEqual(0, link.ConnectAttempts);
            Assert.AreEqual(0, uplink.ProcessCommands(5000));
            Assert.AreEqual((int)UplinkStatus.NotConnected, (int)uplink.Disconnect(1000, 0, 5000));
        }

        [TestMethod]
        public void RefusedConnect_IsBrokerRefused_AndNothingIsAcknowledged()
        {
            SimulatedClock clock = new SimulatedClock();
            SimulatedMqttLink link = new SimulatedMqttLink();
            link.ConnectResult = MqttLinkStatus.BadCredentials;
            MqttUplink uplink = Uplink(link, clock, Config());
            Assert.AreEqual((int)UplinkStatus.BrokerRefused, (int)uplink.Connect(10000));
            Assert.AreEqual(0, uplink.PublishBatch(new SensorNode.Core.Sensors.SampleRecord[] { new SensorNode.Core.Sensors.SampleRecord() }, 1, 10000));
        }

        [TestMethod]
        public void TrafficCounter_CountsMqttPacketBytes()
        {
            SimulatedClock clock = new SimulatedClock();
            MqttTrafficCounter counter = new MqttTrafficCounter(new SimulatedMqttLink());
            MqttUplink uplink = Uplink(counter, clock, Config());
            Assert.AreEqual(0L, uplink.BytesSent);
            byte[] payload = new byte[10];
            counter.Connect(new MqttConnectOptions());
            long afterConnect = counter.BytesSent;
            counter.Publish("a/b", payload, 10, MqttQos.AtLeastOnce, false);
            // PUBLISH: type 1 + length 1 + topic (2 + 3) + packet id 2 + payload 10 = 19.
            Assert.AreEqual(19L, counter.BytesSent - afterConnect);
            Assert.AreEqual(129, MqttTrafficCounter.Packet(127));
            Assert.AreEqual(131, MqttTrafficCounter.Packet(128));
            Assert.AreEqual(counter.BytesSent, uplink.BytesSent);
        }
    }
}
