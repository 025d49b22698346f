using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;
using SensorNode.Core.Provisioning;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Provisioning;

/// <summary>`sensornode provision` input checks (exit 2, nothing sent: the port given does not even exist) and the nanoff dry run.</summary>
[TestClass]
public sealed class ProvisionCliTests
{
    private const string NoSuchPort = "/dev/sensornode-no-such-port";
    private string _dir = string.Empty;

    [TestInitialize]
    public void Start() => _dir = Fixtures.TempDirectory();

    [TestCleanup]
    public void Stop() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }


    [TestMethod]
    [DataRow(", \"brokerPort\": 0", "sensornode provision: node.json: brokerPort: must be between 1 and 65535")]
    [DataRow(", \"nodeId\": \"Kitchen Node\"", "sensornode provision: node.json: nodeId: may contain only a-z, 0-9, '_' and '-'")]
    [DataRow(", \"brokerPrt\": 1883", "sensornode provision: node.json: unknown field 'brokerPrt' (did you mean 'brokerPort'?); see docs/provisioning.md for the field list")]
    [DataRow(", \"useTls\": \"yes\"", "sensornode provision: node.json: useTls must be true or false")]
    [DataRow(", \"mode\": \"sleepy\"", "sensornode provision: node.json: mode must be \"alwaysOn\" or \"deepSleep\"")]
    [DataRow(", \"staticIp\": \"10.0.0.300\"", "sensornode provision: node.json: staticIp: must be a dotted IPv4 address such as 192.168.1.20, or empty")]
    [DataRow(", \"staticIp\": \"10.0.0.30\"", "sensornode provision: node.json: staticMask: is required when staticIp is set")]
    [DataRow(", \"wifiPassword\": \"tiny\"", "sensornode provision: node.json: wifiPassword: must be empty (open network) or 8 to 63 bytes long")]
    [DataRow(", \"zThresholdMilli\": 0", "sensornode provision: node.json: zThresholdMilli: must be between 1 and 1000000")]
    public void Provision_InvalidNodeJson_NamesFieldAndExits2(string extra, string expected)
    {
        string json = Write("node.json", Fixtures.NodeJson(extra: extra).Replace("\"wifiPassword\": \"correct horse battery\",", extra.Contains("wifiPassword", StringComparison.Ordinal) ? string.Empty : "\"wifiPassword\": \"correct horse battery\",", StringComparison.Ordinal));
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        var (exit, output, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", ca);
        Assert.AreEqual(2, exit);
        Assert.AreEqual(expected, error.TrimEnd());
        Assert.AreEqual(string.Empty, output);
        Assert.IsFalse(error.Contains(Fixtures.WifiPassword, StringComparison.Ordinal) || error.Contains("tiny", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Provision_TlsWithoutCa_NamesTheOption()
    {
        var (exit, _, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", Write("node.json", Fixtures.NodeJson()));
        Assert.AreEqual(2, exit);
        Assert.AreEqual("sensornode provision: --ca (caCertificate): is required when useTls is true", error.TrimEnd());
    }

    [TestMethod]
    public void Provision_CertWithoutKey_NamesTheOption()
    {
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        var (exit, _, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", Write("node.json", Fixtures.NodeJson()), "--ca", ca, "--cert", ca);
        Assert.AreEqual(2, exit);
        Assert.AreEqual("sensornode provision: --key (clientKey): clientCertificate and clientKey go together: give both or neither", error.TrimEnd());
    }

    [TestMethod]
    public void Provision_NotPem_And_Missing_And_TooLarge_AreRefused()
    {
        string json = Write("node.json", Fixtures.NodeJson());
        Assert.AreEqual("sensornode provision: --ca: ca.der is not a PEM file (it should start with '-----BEGIN ')",
            CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", Write("ca.der", "0\u0082binary")).Stderr.TrimEnd());
        Assert.AreEqual($"sensornode provision: --ca: file not found: {Path.Combine(_dir, "none.pem")}",
            CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", Path.Combine(_dir, "none.pem")).Stderr.TrimEnd());
        string big = Write("big.pem", Fixtures.Pem("CERTIFICATE", 200));
        StringAssert.EndsWith(CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", big).Stderr.TrimEnd(), $"bytes; files must be 1 to {ProvisioningLimits.MaxFileBytes} bytes");
    }

    [TestMethod]
    [DataRow("--ca", "PRIVATE KEY", "--ca: x.pem starts with '-----BEGIN PRIVATE KEY-----', but --ca takes a certificate")]
    [DataRow("--ota-pubkey", "CERTIFICATE", "--ota-pubkey: x.pem starts with '-----BEGIN CERTIFICATE-----', but --ota-pubkey takes a public key")]
    [DataRow("--key", "PUBLIC KEY", "--key: x.pem starts with '-----BEGIN PUBLIC KEY-----', but --key takes a private key")]
    public void Provision_PemOfTheWrongKind_IsRefusedBeforeSending(string option, string label, string expected)
    {
        string json = Write("node.json", Fixtures.NodeJson());
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        string wrong = Write("x.pem", Fixtures.Pem(label, 2));
        var args = option == "--ca"
            ? new[] { "provision", "--port", NoSuchPort, "--config", json, "--ca", wrong }
            : new[] { "provision", "--port", NoSuchPort, "--config", json, "--ca", ca, option, wrong };

        var (exit, output, error) = CliRunner.Run(args);

        Assert.AreEqual(2, exit);
        Assert.AreEqual(string.Empty, output);
        StringAssert.StartsWith(error, "sensornode provision: " + expected);
    }

    [TestMethod]
    [DataRow("keys/rsa2048-public.pem", "wrong_modulus_size: not a 3072-bit RSA key; regenerate it with 'sensornode ota keygen'")]
    [DataRow("keys/rsa3072-e3-public.pem", "wrong_exponent: the exponent is not 65537; regenerate it with 'sensornode ota keygen'")]
    [DataRow("keys/ec-p256-public.pem", "not_rsa: not an RSA key; OTA keys are RSA-3072 ('sensornode ota keygen')")]
    public void Provision_OtaKeyTheNodeCouldNotUse_IsRefusedBeforeSending(string vector, string expected)
    {
        string json = Write("node.json", Fixtures.NodeJson());
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        string key = Write("k.pem", File.ReadAllText(Repo.Path("docs", "spec", "vectors", "ota", vector)));

        var (exit, output, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", json, "--ca", ca, "--ota-pubkey", key);

        Assert.AreEqual(2, exit);
        Assert.AreEqual(string.Empty, output);
        Assert.AreEqual("sensornode provision: --ota-pubkey: k.pem: " + expected, error.TrimEnd());
    }

    [TestMethod]
    public void ViaNanoff_DryRun_WithoutPort_ShowsAPlaceholder()
    {
        string json = Write("node.json", Fixtures.NodeJson(extra: ", \"configVersion\": 7"));
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));

        var (exit, output, error) = CliRunner.Run("provision", "--via-nanoff", "--config", json, "--ca", ca, "--dry-run");

        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "\"serialport\": \"<PORT>\"");
        StringAssert.Contains(output, "nanoff --filedeployment ");
    }

    [TestMethod]
    public void Provision_BadJsonSyntax_GivesPositionNotContent()
    {
        string json = Write("node.json", "{\n  \"wifiPassword\": \"hunter22\" \"x\"\n}");
        var (exit, _, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", json);
        Assert.AreEqual(2, exit);
        Assert.AreEqual("sensornode provision: node.json: not valid JSON near line 2, byte 30; fix the syntax and try again", error.TrimEnd());
    }

    [TestMethod]
    public void Provision_ValidConfigButNoSuchPort_SaysWhichPort()
    {
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        var (exit, output, error) = CliRunner.Run("provision", "--port", NoSuchPort, "--config", Write("node.json", Fixtures.NodeJson()), "--ca", ca);
        Assert.AreEqual(2, exit);
        Assert.AreEqual($"sensornode provision: cannot open serial port {NoSuchPort}: no such device; check --port (e.g. /dev/ttyUSB0 or /dev/ttyACM0)", error.TrimEnd());
        StringAssert.StartsWith(output, "checked configuration: node greenhouse-1, broker broker.local:8883 (TLS), 1 file(s)");
    }

    [TestMethod]
    public void ViaNanoff_DryRun_PrintsDeploymentJsonAndCommand_WritesNothing()
    {
        string json = Write("node.json", Fixtures.NodeJson(extra: ", \"configVersion\": 7"));
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        string ota = Write("pub.pem", Fixtures.OtaPublicKeyPem());
        string outDir = Path.Combine(_dir, "deploy");

        var (exit, output, error) = CliRunner.Run("provision", "--via-nanoff", "--config", json, "--ca", ca, "--ota-pubkey", ota, "--port", "COM5", "--out", outDir, "--dry-run");

        Assert.AreEqual(0, exit, error);
        string expected =
            "{\n" +
            "  \"serialport\": \"COM5\",\n" +
            "  \"files\": [\n" +
            "    {\n" +
            "      \"DestinationFilePath\": \"I:\\\\config.bin\",\n" +
            $"      \"SourceFilePath\": \"{Path.Combine(outDir, "config.bin")}\"\n" +
            "    },\n" +
            "    {\n" +
            "      \"DestinationFilePath\": \"I:\\\\ca.7.pem\",\n" +
            $"      \"SourceFilePath\": \"{ca}\"\n" +
            "    },\n" +
            "    {\n" +
            "      \"DestinationFilePath\": \"I:\\\\ota.7.pem\",\n" +
            $"      \"SourceFilePath\": \"{ota}\"\n" +
            "    }\n" +
            "  ]\n" +
            "}\n" +
            $"nanoff --filedeployment \"{Path.Combine(outDir, "deploy.json")}\"\n";
        Assert.AreEqual(expected, output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.IsFalse(Directory.Exists(outDir));
    }

    [TestMethod]
    public void ViaNanoff_Blob_IsWhatTheNodeLoads()
    {
        string json = Write("node.json", Fixtures.NodeJson(extra: ", \"configVersion\": 7"));
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2));
        var plan = SensorNode.Cli.Provisioning.ProvisionPlan.Build(json, name => name == "--ca" ? ca : null);
        var deployment = SensorNode.Cli.Provisioning.NanoffDeployment.Build(plan, "COM5", Path.Combine(_dir, "out"));
        deployment.Write();

        // Lay the files out as nanoff would on I:\ and boot a console on them.
        var flash = new Host.Storage.DirectoryFileStore(Path.Combine(_dir, "flash"));
        flash.Replace(ConfigStore.CurrentName, deployment.Blob, 0, deployment.Blob.Length);
        byte[] caBytes = File.ReadAllBytes(ca);
        flash.Replace("ca.7.pem", caBytes, 0, caBytes.Length);
        var console = new ProvisioningConsole(flash, Fixtures.Identity);
        Assert.IsTrue(console.IsProvisioned);
        Assert.AreEqual(7, console.Committed.ConfigVersion);
        Assert.AreEqual("greenhouse-1", console.Committed.NodeId);
        Assert.AreEqual(Fixtures.MqttPassword, console.Committed.MqttPassword);
        CollectionAssert.AreEqual(deployment.Blob, File.ReadAllBytes(Path.Combine(_dir, "out", "config.bin")));
    }
}
