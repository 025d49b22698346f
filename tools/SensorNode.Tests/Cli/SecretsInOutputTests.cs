using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>
/// Issue 17 item 6 (docs/hostile-peers.md): a URL with credentials is refused the same way wherever --broker exists,
/// and the refusal never repeats it; every verb of the CLI is listed here so a new one is noticed. The output of
/// every command, on success and failure paths, is searched for its secrets by <see cref="EveryVerbSecretsTests"/>.
/// </summary>
[TestClass]
public sealed class SecretsInOutputTests
{
    private const string UrlSecret = "UrlS3cretPW";

    /// <summary>The verbs this test covers; a verb added to the CLI fails <see cref="EveryVerbOfTheCli_IsCovered"/> until it is added here.</summary>
    private static readonly string[] Covered = { "collect", "export", "footprint", "monitor", "ota", "power", "provision", "replay", "simulate" };

    [TestMethod]
    public void EveryVerbOfTheCli_IsCovered()
    {
        string[] verbs = SensorNode.Cli.Program.BuildRoot().Subcommands.Select(c => c.Name).ToArray();
        Assert.IsTrue(verbs.Length >= Covered.Length, string.Join(", ", verbs));
        CollectionAssert.IsSubsetOf(verbs, Covered, "verbs without a secrets test: " + string.Join(", ", verbs.Except(Covered)));
    }

    [TestMethod]
    public void BrokerUrlWithCredentials_IsRefusedTheSameWay_InEveryVerbThatTakesABroker()
    {
        string url = $"mqtt://bob:{UrlSecret}@127.0.0.1:1883";
        var monitor = CliRunner.Run("monitor", "--broker", url, "--once");
        var simulate = CliRunner.Run("simulate", "--broker", url, "--cycles", "1");
        Assert.AreEqual(2, monitor.ExitCode, monitor.Stderr);
        var collect = CliRunner.Run("collect", "--broker", url, "--db", Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N") + ".db"));
        Assert.AreEqual(2, simulate.ExitCode, simulate.Stderr);
        Assert.AreEqual(2, collect.ExitCode, collect.Stderr);
        Assert.AreEqual(monitor.Stderr.Replace("sensornode monitor:", string.Empty, StringComparison.Ordinal), collect.Stderr.Replace("sensornode collect:", string.Empty, StringComparison.Ordinal));
        Assert.IsFalse(collect.Stderr.Contains(UrlSecret, StringComparison.Ordinal), collect.Stderr);
        Assert.AreEqual(monitor.Stderr.Replace("sensornode monitor:", string.Empty, StringComparison.Ordinal), simulate.Stderr.Replace("sensornode simulate:", string.Empty, StringComparison.Ordinal));
        StringAssert.Contains(monitor.Stderr, "--username and --password");
        Assert.AreEqual(string.Empty, simulate.Stdout, "nothing runs with a refused URL");
    }

    /// <summary>Item 6/3: one rule (<c>BrokerUrlCredentials</c>) in one parser (<c>MqttEndpoint.TryParse</c>) for every verb.</summary>
    [DataRow("mqtt://bob:s3cretPW@127.0.0.1")]
    [DataRow("mqtts://bob:s3cretPW@127.0.0.1:8883")]
    [DataRow("mqtt://s3cretPW@127.0.0.1:1883")]
    [DataRow("mqtt://bob:s3cret%40PW@127.0.0.1")]
    [DataRow("MQTT://bob:s3cretPW@127.0.0.1/")]
    [DataRow("mqtt//bob:s3cretPW@127.0.0.1")]
    [DataRow("mqtt://127.0.0.1/bob:s3cretPW@x")]
    [DataRow("bob:s3cretPW@127.0.0.1")]
    [DataRow("http://bob:s3cretPW@127.0.0.1")]
    [TestMethod]
    public void EveryCredentialForm_IsRefusedIdentically_ByEveryVerbWithABroker(string url)
    {
        string db = Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N") + ".db");
        var runs = new[]
        {
            ("monitor", CliRunner.Run("monitor", "--broker", url, "--once")),
            ("simulate", CliRunner.Run("simulate", "--broker", url, "--cycles", "1")),
            ("simulate", CliRunner.Run("simulate", "--mode", "deep-sleep", "--state", db + ".state", "--broker", url, "--wakes", "1")),
            ("collect", CliRunner.Run("collect", "--broker", url, "--db", db)),
        };
        foreach ((string verb, var r) in runs)
        {
            Assert.AreEqual(2, r.ExitCode, verb + ": " + r.Stderr);
            Assert.AreEqual($"sensornode {verb}: {SensorNode.Host.Mqtt.BrokerUrlCredentials.Refusal}", r.Stderr.TrimEnd(), verb);
            Assert.AreEqual(string.Empty, r.Stdout, verb);
            Assert.IsFalse(r.Stderr.Contains("s3cret", StringComparison.Ordinal), r.Stderr);
        }

        Assert.IsFalse(File.Exists(db) || Directory.Exists(db + ".state"), "nothing runs with a refused URL");
    }

    [TestMethod]
    public void BrokerUrls_AreParsedByOneParser_NoVerbHasItsOwn()
    {
        // The monitor's endpoint is the shared parser's (it used to parse with System.Uri on its own).
        foreach (string url in new[] { "mqtt://127.0.0.1", "mqtts://broker.local", "mqtt://[::1]:1884", "mqtts://h:8884/" })
        {
            var shared = SensorNode.Host.Mqtt.MqttEndpoint.TryParse(url, out string error);
            Assert.IsNotNull(shared, error);
            var monitor = SensorNode.Cli.Monitor.BrokerEndpoint.Parse(url);
            Assert.AreEqual((shared.Host, shared.Port, shared.UseTls), (monitor.Host, monitor.Port, monitor.Tls), url);
        }

        foreach (string bad in new[] { "http://x", "mqtt://", "mqtt://host:0", "mqtt://host:99999", "mqtt://host/path" })
        {
            Assert.IsNull(SensorNode.Host.Mqtt.MqttEndpoint.TryParse(bad, out string error), bad);
            var monitor = CliRunner.Run("monitor", "--broker", bad, "--once");
            var simulate = CliRunner.Run("simulate", "--broker", bad, "--cycles", "1");
            Assert.AreEqual(2, monitor.ExitCode, bad);
            Assert.AreEqual($"sensornode monitor: {error}", monitor.Stderr.TrimEnd(), bad);
            Assert.AreEqual($"sensornode simulate: {error}", simulate.Stderr.TrimEnd(), bad);
        }
    }
}
