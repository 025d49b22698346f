using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Mqtt;

/// <summary>The shipped Mosquitto ACL (docs/mosquitto/acl) lets a node publish on every topic the core publishes on, and read only its commands.</summary>
[TestClass]
public sealed class AclCoverageTests
{
    [TestMethod]
    public void EveryNodeTopic_HasItsPatternLine()
    {
        string[] lines = File.ReadAllLines(Repo.Path("docs", "mosquitto", "acl")).Select(l => l.Trim()).ToArray();
        var topics = new MqttTopics(MqttTopics.DefaultPrefix, "node-x");
        foreach (string published in new[] { topics.Status, topics.Sleep, topics.State, topics.Telemetry, topics.Health, topics.CommandResult, topics.Ota })
        {
            CollectionAssert.Contains(lines, "pattern write " + published.Replace("node-x", "%u"), "the node publishes on " + published);
        }

        CollectionAssert.Contains(lines, "pattern write " + topics.DiscoveryConfig("+", "+").Replace("node-x", "%u"));
        CollectionAssert.Contains(lines, "pattern read " + topics.Command.Replace("node-x", "%u"));
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("pattern read ")), "a node reads its own commands only");
    }
}
