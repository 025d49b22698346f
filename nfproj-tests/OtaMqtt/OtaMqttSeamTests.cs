using System.Collections;
using nanoFramework.TestFramework;
using NFUnitTest.Ota;
using NFUnitTest.Telemetry;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.OtaMqtt
{
    /// <summary>The ota command handler, the MQTT reporter and the trial health check over the in-memory link (docs/spec/mqtt.md §11).</summary>
    [TestClass]
    public class OtaMqttSeamTests
    {
        private const string Sha = "794198d03a0da143e2f3f13aa6ae71693ed093388d5e198cb343f11c7aaacc66";
        private const string Result = "sensornode/node1/cmd/result";
        private const string OtaTopic = "sensornode/node1/ota";

        [TestMethod]
        public void OtaCommand_IsScheduledNotRun_ASecondOneIsBusy_OthersPassThrough()
        {
            var link = new SimulatedMqttLink();
            var config = new NodeConfig();
            var http = new SimulatedHttpRange(new byte[0]);
            OtaCommandHandler ota = new OtaCommandHandler(Updater(new SimulatedFileStore(), http, new MqttOtaReporter("1.0.0", null)), "1.0.0", null);
            TelemetrySession s = Session(link, new ConfigCommandHandler(config, ota), null);
            s.Connect();
            link.Inject("sensornode/node1/cmd", TestText.Ascii("{\"id\":\"u1\",\"cmd\":\"ota\",\"url\":\"http://h/a.snimg\",\"version\":\"2.0.0\",\"sha256\":\"" + Sha + "\"}"));
            link.Inject("sensornode/node1/cmd", TestText.Ascii("{\"id\":\"u2\",\"cmd\":\"ota\",\"url\":\"http://h/b.snimg\",\"version\":\"3.0.0\",\"sha256\":\"" + Sha + "\"}"));
            link.Inject("sensornode/node1/cmd", TestText.Ascii("{\"cmd\":\"set_interval\",\"seconds\":30}"));
            Assert.AreEqual(3, s.ProcessCommands(10));
            ArrayList results = link.On(Result);
            Assert.AreEqual("{\"id\":\"u1\",\"cmd\":\"ota\",\"ok\":true}", ((SimulatedMqttPublish)results[0]).Text);
            Assert.AreEqual("{\"id\":\"u2\",\"cmd\":\"ota\",\"ok\":false,\"error\":\"rejected\",\"reason\":\"busy\"}", ((SimulatedMqttPublish)results[1]).Text);
            Assert.AreEqual("{\"cmd\":\"set_interval\",\"ok\":true}", ((SimulatedMqttPublish)results[2]).Text);
            Assert.AreEqual(30, config.SampleIntervalSeconds);
            Assert.AreEqual(0, http.Requests, "nothing downloaded inside the handler");

            OtaCommand order = ota.TakeScheduled();
            Assert.AreEqual("http://h/a.snimg", order.Url);
            Assert.AreEqual("2.0.0", order.Version);
            Assert.AreEqual(Sha, Hex.Format(order.Sha256));
            Assert.IsNull(ota.TakeScheduled());
        }

        [TestMethod]
        public void VersionTheParserAcceptsButAnOrderDoesNot_IsBadVersion()
        {
            var link = new SimulatedMqttLink();
            OtaCommandHandler ota = new OtaCommandHandler(Updater(new SimulatedFileStore(), new SimulatedHttpRange(new byte[0]), new MqttOtaReporter("1.0.0", null)), "1.0.0", null);
            TelemetrySession s = Session(link, ota, null);
            s.Connect();
            link.Inject("sensornode/node1/cmd", TestText.Ascii("{\"cmd\":\"ota\",\"url\":\"http://h/a\",\"version\":\"2.0.0-beta\",\"sha256\":\"" + Sha + "\"}"));
            s.ProcessCommands(1);
            Assert.AreEqual("{\"cmd\":\"ota\",\"ok\":false,\"error\":\"bad_version\",\"field\":\"version\"}", ((SimulatedMqttPublish)link.On(Result)[0]).Text);
            Assert.IsFalse(ota.HasScheduled);
        }

        [TestMethod]
        public void Reporter_PublishesRetainedOnOta_KeepsTheLastReportUntilOnline()
        {
            var link = new SimulatedMqttLink();
            var reporter = new MqttOtaReporter("1.0.0", null);
            TelemetrySession s = Session(link, null, null);
            reporter.Attach(s);
            reporter.RolledBack("2.0.0", "health_check_failed");
            Assert.IsTrue(reporter.HasUnsent, "not connected yet");
            Assert.AreEqual(0, link.On(OtaTopic).Count);
            s.Connect();
            Assert.IsTrue(reporter.Flush());
            SimulatedMqttPublish p = (SimulatedMqttPublish)link.On(OtaTopic)[0];
            Assert.IsTrue(p.Retain);
            Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)p.Qos);
            Assert.AreEqual("{\"state\":\"rolled_back\",\"version\":\"2.0.0\",\"reason\":\"health_check_failed\",\"running\":\"1.0.0\"}", p.Text);
            reporter.Downloading("2.0.1", 40, 4000, 10000);
            Assert.AreEqual("{\"state\":\"downloading\",\"version\":\"2.0.1\",\"percent\":40,\"bytes\":4000,\"total_bytes\":10000,\"running\":\"1.0.0\"}", link.RetainedText(OtaTopic));
            reporter.Downloading("2.0.1", -1, 512, -1);
            Assert.AreEqual("{\"state\":\"downloading\",\"version\":\"2.0.1\",\"percent\":null,\"bytes\":512,\"total_bytes\":null,\"running\":\"1.0.0\"}", link.RetainedText(OtaTopic));
        }

        [TestMethod]
        public void TrialHealthCheck_PassesOnlyAfterConnectAndADataPublish()
        {
            var link = new SimulatedMqttLink();
            var topics = new MqttTopics("sensornode", "node1");
            var check = new TrialHealthCheck(topics, null);
            TelemetrySession s = Session(link, null, check);
            link.ConnectResult = MqttLinkStatus.Unreachable;
            s.Connect();
            Assert.IsFalse(check.Passed);
            link.ConnectResult = MqttLinkStatus.Ok;
            s.Connect();
            Assert.IsFalse(check.Passed, "connected, nothing published yet (online is not data)");
            s.PublishOta(TestText.Ascii("{}"), 2);
            Assert.IsFalse(check.Passed, "an OTA report is not the application working");
            s.PublishHealth(new HealthReport());
            Assert.IsTrue(check.Passed);
        }

        private static TelemetrySession Session(SimulatedMqttLink link, ICommandHandler handler, ISessionObserver observer)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = "node1";
            return new TelemetrySession(link, new MqttTopics("sensornode", "node1"), options, handler, new TestClock(), observer, 4);
        }

        private static OtaUpdater Updater(IFileStore store, IHttpRange http, IOtaReporter reporter)
        {
            ImagePolicy policy = new ImagePolicy("esp32-devkitc", new FirmwareAssembly[0], 0);
            var verifier = new ImageVerifier(store, new RsaPublicKey(Hex.Parse(ImageVerifierVectorTests.TestModulus)), 256);
            return new OtaUpdater(store, http, reporter, verifier, policy, 64);
        }
    }
}
