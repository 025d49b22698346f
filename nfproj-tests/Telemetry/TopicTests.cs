using nanoFramework.TestFramework;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class TopicTests
    {
        [TestMethod]
        public void Topics_FollowTheSpec()
        {
            MqttTopics t = new MqttTopics("sensornode", "node1");
            Assert.AreEqual("sensornode/node1/status", t.Status);
            Assert.AreEqual("sensornode/node1/state", t.State);
            Assert.AreEqual("sensornode/node1/telemetry", t.Telemetry);
            Assert.AreEqual("sensornode/node1/health", t.Health);
            Assert.AreEqual("sensornode/node1/sleep", t.Sleep);
            Assert.AreEqual("sensornode/node1/cmd", t.Command);
            Assert.AreEqual("sensornode/node1/cmd/result", t.CommandResult);
            Assert.AreEqual("homeassistant/binary_sensor/node1/anomaly/config", t.DiscoveryConfig("binary_sensor", "anomaly"));
        }

        [DataRow("sensornode", "node1", (int)TopicStatus.Ok)]
        [DataRow("home/garden", "n-1_b", (int)TopicStatus.Ok)]
        [DataRow("sensornode", "", (int)TopicStatus.NodeIdLength)]
        [DataRow("sensornode", "abcdefghijabcdefghijabcdefghij123", (int)TopicStatus.NodeIdLength)]
        [DataRow("sensornode", "Node1", (int)TopicStatus.NodeIdCharacter)]
        [DataRow("sensornode", "node/1", (int)TopicStatus.NodeIdCharacter)]
        [DataRow("sensornode", "node+", (int)TopicStatus.NodeIdCharacter)]
        [DataRow("", "node1", (int)TopicStatus.PrefixLength)]
        [DataRow("/sensornode", "node1", (int)TopicStatus.PrefixCharacter)]
        [DataRow("sensornode/", "node1", (int)TopicStatus.PrefixCharacter)]
        [DataRow("a//b", "node1", (int)TopicStatus.PrefixCharacter)]
        [DataRow("a/#", "node1", (int)TopicStatus.PrefixCharacter)]
        public void Validate_ReturnsTheSpecStatus(string prefix, string nodeId, int expected)
        {
            Assert.AreEqual(expected, (int)MqttTopics.Validate(prefix, nodeId));
        }
    }
}
