using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// Issue 17 item 8: a key twice in node.json silently took the last value. `provision` and `power --config`
/// now refuse it, naming the key (exit 2), before anything is sent; the value is never quoted (it may be a secret).
/// </summary>
[TestClass]
public sealed class NodeJsonDuplicateKeyTests
{
    private const string NoSuchPort = "/dev/sensornode-no-such-port";
    private string _dir = string.Empty;

    [TestInitialize]
    public void Start() => _dir = Fixtures.TempDirectory();

    [TestCleanup]
    public void Stop() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    [DataRow("\"sampleIntervalSeconds\": 60,", "sampleIntervalSeconds")]
    [DataRow("\"wifiPassword\": \"another secret\",", "wifiPassword")]
    [DataRow("\"node\\u0049d\": \"greenhouse-2\",", "nodeId")]
    [DataRow("\"$comment\": \"a\", \"$comment\": \"b\",", "$comment")]
    public void Provision_KeyTwice_IsRefusedNamingTheKey(string first, string key)
    {
        string example = Fixtures.NodeJson();
        int brace = example.IndexOf('{', StringComparison.Ordinal);
        string json = Write("node.json", example[..(brace + 1)] + first + example[(brace + 1)..]);
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));

        var (exit, output, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", ca);

        Assert.AreEqual(2, exit, error);
        Assert.AreEqual($"sensornode provision: node.json: field '{key}' appears more than once; keep one (a later value would silently replace the earlier)", error.TrimEnd());
        Assert.AreEqual(string.Empty, output);
        Assert.IsFalse(error.Contains(Fixtures.WifiPassword, StringComparison.Ordinal) || error.Contains("another secret", StringComparison.Ordinal), "no value is quoted");
    }

    [TestMethod]
    public void Provision_EveryKeyOnce_StillPassesTheFileCheck()
    {
        string json = Write("node.json", Fixtures.NodeJson(extra: ", \"$comment\": \"a\""));
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));

        var (_, _, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", ca);

        Assert.IsFalse(error.Contains("more than once", StringComparison.Ordinal), error);
    }

    [TestMethod]
    [DataRow("{\"sampleIntervalSeconds\": 300, \"sampleIntervalSeconds\": 60}", "sampleIntervalSeconds")]
    [DataRow("{\"sampleIntervalSeconds\": 300, \"sample_interval_seconds\": 60}", "sample_interval_seconds")]
    public void Power_KeyTwice_IsRefusedNamingTheKey(string content, string key)
    {
        string json = Write("node.json", content);

        var (exit, output, error) = CliRunner.Run("power", "--config", json);

        Assert.AreEqual(2, exit, error);
        StringAssert.Contains(error, $"field '{key}' appears more than once");
        Assert.AreEqual(1, error.TrimEnd('\n').Split('\n').Length, "one line");
        Assert.AreEqual(string.Empty, output);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
