using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Host.Provisioning;
using SensorNode.Host.Storage;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Provisioning;

/// <summary>End to end over a real pseudo-terminal pair: the CLI on one side, the core console (SerialConsoleHost) on the other.</summary>
[TestClass]
public sealed class PtyProvisioningTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private string _dir = string.Empty;
    private PtyPair? _pty;

    [TestInitialize]
    public void Start()
    {
        _dir = Fixtures.TempDirectory();
        _pty = new PtyPair();
    }

    [TestCleanup]
    public void Stop()
    {
        _pty?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }


    [TestMethod]
    public void Provision_EndToEnd_CommitsVerifiesAndReturnsConfig()
    {
        var store = new DirectoryFileStore(Path.Combine(_dir, "flash"));
        var log = new StringWriter();
        using var cts = new CancellationTokenSource(Limit);
        Task<NodeConfig> node = Task.Run(() => SerialConsoleHost.RunUntilProvisioned(_pty!.NodeSide, store, TextWriter.Synchronized(log), cts.Token));
        string json = Write("node.json", Fixtures.NodeJson());
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 30));
        string cert = Write("node.pem", Fixtures.Pem("CERTIFICATE", 20));
        string key = Write("node.key", Fixtures.Pem("PRIVATE KEY", 10));
        string ota = Write("pub.pem", Fixtures.OtaPublicKeyPem());

        var (exit, output, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", json, "--ca", ca, "--cert", cert, "--key", key, "--ota-pubkey", ota);

        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "committed config version 1");
        StringAssert.Contains(output, "verified: node greenhouse-1 reports config version 1");
        StringAssert.Contains(output, $"caCertificate: {new FileInfo(ca).Length}/{new FileInfo(ca).Length} bytes");
        Assert.IsTrue(node.Wait(Limit), "the console did not return after provisioning");
        NodeConfig committed = node.Result;
        Assert.AreEqual("greenhouse-1", committed.NodeId);
        Assert.AreEqual(Fixtures.MqttPassword, committed.MqttPassword);
        Assert.AreEqual(NodeMode.DeepSleep, committed.Mode);
        Assert.AreEqual("ca.1.pem", committed.CaCertificateFile);
        CollectionAssert.AreEqual(File.ReadAllBytes(ca), File.ReadAllBytes(Path.Combine(store.Root, "ca.1.pem")));
        CollectionAssert.AreEqual(File.ReadAllBytes(key), File.ReadAllBytes(Path.Combine(store.Root, "key.1.pem")));

        // The loader and the application then check images with the provisioned key (ota-image.md §8.1).
        var otaKey = SensorNode.Core.Ota.OtaKeyChoice.Choose(store, committed.OtaPublicKeyFile, new byte[384]);
        Assert.AreEqual("ota.1.pem", committed.OtaPublicKeyFile);
        Assert.IsTrue(otaKey.IsProvisioned);
        Assert.IsTrue(otaKey.Key.IsValid);
        Assert.IsTrue(ConfigFields.AllEqual(committed, Fixtures.Load(store)));
        foreach (string text in new[] { output, error, log.ToString() })
        {
            StringAssert.DoesNotMatch(text, new System.Text.RegularExpressions.Regex(Fixtures.MqttPassword + "|" + Fixtures.WifiPassword + "|PRIVATE KEY"));
        }
    }

    [TestMethod]
    public void Info_PrintsIdentityAndNonSecretConfigAsJson()
    {
        var store = new DirectoryFileStore(Path.Combine(_dir, "flash"));
        using var cts = new CancellationTokenSource(Limit);
        var console = new ProvisioningConsole(store, Fixtures.Identity);
        Task node = Task.Run(() => Serve(console, cts.Token));
        string json = Write("node.json", Fixtures.NodeJson("kitchen"));
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 3));
        Assert.AreEqual(0, CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", json, "--ca", ca).ExitCode);

        var (exit, output, _) = CliRunner.Run("provision", "--port", _pty.HostSide, "--info");

        cts.Cancel();
        node.Wait(Limit);
        Assert.AreEqual(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.AreEqual("kitchen", root.GetProperty("nodeId").GetString());
        Assert.AreEqual("0.1.0", root.GetProperty("firmwareVersion").GetString());
        Assert.AreEqual("esp32-devkitc", root.GetProperty("hardwareProfile").GetString());
        Assert.IsTrue(root.GetProperty("provisioned").GetBoolean());
        Assert.AreEqual(1, root.GetProperty("configVersion").GetInt32());
        var config = root.GetProperty("config");
        Assert.AreEqual("set", config.GetProperty("wifiPassword").GetString());
        Assert.AreEqual("set", config.GetProperty("mqttPassword").GetString());
        Assert.AreEqual("set", config.GetProperty("caCertificate").GetString());
        Assert.AreEqual("not set", config.GetProperty("clientKey").GetString());
        Assert.AreEqual("deepSleep", config.GetProperty("mode").GetString());
        Assert.AreEqual(8883, config.GetProperty("brokerPort").GetInt32());
        Assert.IsFalse(output.Contains(Fixtures.MqttPassword, StringComparison.Ordinal) || output.Contains(Fixtures.WifiPassword, StringComparison.Ordinal));
    }

    [TestMethod]
    public void InterruptedTransfer_PortClosedMidFile_KeepsPreviousConfig()
    {
        var store = new DirectoryFileStore(Path.Combine(_dir, "flash"));
        using var cts = new CancellationTokenSource(Limit);
        var console = new ProvisioningConsole(store, Fixtures.Identity);
        Task node = Task.Run(() => Serve(console, cts.Token));
        Assert.AreEqual(0, CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson("first")), "--ca", Write("ca.pem", Fixtures.Pem("CERTIFICATE", 4))).ExitCode);
        NodeConfig before = Fixtures.Load(store);
        byte[] blobBefore = File.ReadAllBytes(Path.Combine(store.Root, ConfigStore.CurrentName));

        byte[] bigCa = Encoding.ASCII.GetBytes(Fixtures.Pem("CERTIFICATE", 100));
        using (var link = new SerialPortLink(_pty.HostSide))
        {
            var client = new ProvisioningClient(link);
            var next = new NodeConfig();
            ConfigFields.CopyAll(before, next);
            next.NodeId = "second";
            client.SetConfig(next);
            client.Expect(ProvisioningCommand.FileBegin, Requests.FileBeginBody(ConfigField.CaCertificate, bigCa));
            client.Expect(ProvisioningCommand.FileChunk, Requests.FileChunkBody(ConfigField.CaCertificate, 0, bigCa.AsSpan(0, 400)));
            // Half a frame, then the port closes.
            byte[] message = Requests.Build(ProvisioningCommand.FileChunk, 999, Requests.FileChunkBody(ConfigField.CaCertificate, 400, bigCa.AsSpan(400, 400)));
            var wire = new byte[ProvisioningLimits.MaxEncodedBytes];
            int n = FrameEncoder.Encode(message, 0, message.Length, wire, 0);
            link.Write(wire, 0, n / 2);
        }

        _pty.Dispose();
        _pty = null;
        cts.Cancel();
        node.Wait(Limit);

        // "Reboot": a fresh console on the same flash still has the first configuration, byte for byte.
        var rebooted = new ProvisioningConsole(store, Fixtures.Identity);
        Assert.IsTrue(rebooted.IsProvisioned);
        Assert.AreEqual("first", rebooted.Committed.NodeId);
        Assert.IsTrue(ConfigFields.AllEqual(before, Fixtures.Load(store)));
        CollectionAssert.AreEqual(blobBefore, File.ReadAllBytes(Path.Combine(store.Root, ConfigStore.CurrentName)));
    }

    [TestMethod]
    public void InvalidValue_OverPty_ReturnsExactCodeFieldAndMessage_AndSecretsStayOnNode()
    {
        var store = new DirectoryFileStore(Path.Combine(_dir, "flash"));
        using var cts = new CancellationTokenSource(Limit);
        var console = new ProvisioningConsole(store, Fixtures.Identity);
        Task node = Task.Run(() => Serve(console, cts.Token));
        Assert.AreEqual(0, CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson()), "--ca", Write("ca.pem", Fixtures.Pem("CERTIFICATE", 4))).ExitCode);
        using (var link = new SerialPortLink(_pty.HostSide))
        {
            var client = new ProvisioningClient(link);
            var body = new byte[6];
            body[0] = (byte)ConfigField.BrokerPort;
            body[1] = 4;
            Response r = client.Send(ProvisioningCommand.SetConfig, body);
            Assert.AreEqual(ProvisioningStatus.InvalidValue, r.Status);
            Assert.AreEqual((int)ConfigField.BrokerPort, r.FieldId);
            Assert.AreEqual("must be between 1 and 65535", r.Message);

            byte[] badPassword = { (byte)ConfigField.WifiPassword, 5, (byte)'s', (byte)'h', (byte)'o', (byte)'r', (byte)'t' };
            r = client.Send(ProvisioningCommand.SetConfig, badPassword);
            Assert.AreEqual(ProvisioningStatus.InvalidValue, r.Status);
            Assert.AreEqual("wifiPassword: must be empty (open network) or 8 to 63 bytes long (InvalidValue)", r.Describe());

            var ex = Assert.ThrowsExactly<ProvisioningException>(() => client.Expect(ProvisioningCommand.SetConfig, badPassword));
            Assert.IsFalse(ex.Message.Contains("short", StringComparison.Ordinal));

            // Raw get-config bytes never carry a secret.
            for (int start = 1; start != 0;)
            {
                Response page = client.Expect(ProvisioningCommand.GetConfig, new[] { (byte)start });
                string raw = Encoding.Latin1.GetString(page.Body);
                Assert.IsFalse(raw.Contains(Fixtures.MqttPassword, StringComparison.Ordinal) || raw.Contains(Fixtures.WifiPassword, StringComparison.Ordinal));
                start = page.Body[0];
            }
        }

        cts.Cancel();
        node.Wait(Limit);
        Assert.AreEqual(8883, Fixtures.Load(store).BrokerPort);
    }

    private void Serve(ProvisioningConsole console, CancellationToken token)
    {
        using var link = new SerialPortLink(_pty!.NodeSide);
        try
        {
            SerialConsoleHost.Serve(link, console, TextWriter.Null, token, stopWhenProvisioned: false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
