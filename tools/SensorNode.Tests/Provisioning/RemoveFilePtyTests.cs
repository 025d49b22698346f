using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Host.Provisioning;
using SensorNode.Host.Storage;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// `provision --remove-file KIND` end to end over a real pseudo-terminal pair with the simulated node
/// (SerialConsoleHost): a committed file goes at the run's commit, the rest of the configuration stays
/// (docs/spec/provisioning.md §4.9, docs/provisioning.md); usage errors; a node whose firmware does not know remove-file.
/// </summary>
[TestClass]
public sealed class RemoveFilePtyTests
{
    private string _dir = string.Empty;
    private PtyPair? _pty;
    private SimulatedConsoleNode? _node;
    private DirectoryFileStore? _store;

    [TestInitialize]
    public void Start()
    {
        _dir = Fixtures.TempDirectory();
        _pty = new PtyPair();
    }

    [TestCleanup]
    public void Stop()
    {
        _node?.Dispose();
        _pty?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [TestMethod]
    public void RemoveFileCert_AfterAProvisioningWithCertAndKey_InfoShowsThemNotSet()
    {
        StartSimulatedNode();
        string config = Write("node.json", Fixtures.NodeJson());
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 5));
        var first = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", config, "--ca", ca, "--cert", Write("node.pem", Fixtures.Pem("CERTIFICATE", 6)), "--key", Write("node.key", Fixtures.Pem("PRIVATE KEY", 3)));
        Assert.AreEqual(0, first.ExitCode, first.Stderr);
        Assert.AreEqual("cert.1.pem", Fixtures.Load(_store!).ClientCertificateFile);

        var (exit, output, error) = CliRunner.Run("provision", "--port", _pty.HostSide, "--config", config, "--ca", ca, "--remove-file", "cert");

        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "committed config version 2");
        StringAssert.Contains(output, "removed from the node: clientCertificate, clientKey");
        StringAssert.Contains(output, "verified: node greenhouse-1 reports config version 2");
        NodeConfig committed = Fixtures.Load(_store!);
        Assert.AreEqual(string.Empty, committed.ClientCertificateFile);
        Assert.AreEqual(string.Empty, committed.ClientKeyFile);
        Assert.AreEqual("ca.2.pem", committed.CaCertificateFile);

        var info = CliRunner.Run("provision", "--port", _pty.HostSide, "--info");
        Assert.AreEqual(0, info.ExitCode, info.Stderr);
        StringAssert.Contains(info.Stdout, "\"configVersion\": 2");
        StringAssert.Contains(info.Stdout, "\"caCertificate\": \"set\"");
        StringAssert.Contains(info.Stdout, "\"clientCertificate\": \"not set\"");
        StringAssert.Contains(info.Stdout, "\"clientKey\": \"not set\"");
    }

    [TestMethod]
    public void RemoveFileOtaPubkey_CommittedKeyGoes_AndAKindNeverCommittedIsANote()
    {
        StartSimulatedNode();
        string config = Write("node.json", Fixtures.NodeJson());
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 5));
        var first = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", config, "--ca", ca, "--ota-pubkey", Write("pub.pem", Fixtures.OtaPublicKeyPem()));
        Assert.AreEqual(0, first.ExitCode, first.Stderr);

        var (exit, output, error) = CliRunner.Run("provision", "--port", _pty.HostSide, "--config", config, "--ca", ca, "--remove-file", "ota-pubkey", "--remove-file", "cert");

        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "note: the node has no clientCertificate committed; nothing to remove");
        StringAssert.Contains(output, "removed from the node: otaPublicKey");
        Assert.AreEqual(string.Empty, Fixtures.Load(_store!).OtaPublicKeyFile);
        var info = CliRunner.Run("provision", "--port", _pty.HostSide, "--info");
        StringAssert.Contains(info.Stdout, "\"otaPublicKey\": \"not set\"");
    }

    [TestMethod]
    public void FileLeftOut_NeitherSentNorRemoved_IsKeptAndTheRunVerifies()
    {
        StartSimulatedNode();
        string config = Write("node.json", Fixtures.NodeJson());
        string ca = Write("ca.pem", Fixtures.Pem("CERTIFICATE", 5));
        Assert.AreEqual(0, CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", config, "--ca", ca, "--ota-pubkey", Write("pub.pem", Fixtures.OtaPublicKeyPem())).ExitCode);

        var (exit, output, error) = CliRunner.Run("provision", "--port", _pty.HostSide, "--config", config, "--ca", ca);

        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "verified: node greenhouse-1 reports config version 2");
        Assert.AreEqual("ota.1.pem", Fixtures.Load(_store!).OtaPublicKeyFile);
    }

    [TestMethod]
    [DataRow("cert", "--cert", "--remove-file cert and --cert name the same file")]
    [DataRow("cert", "--key", "--remove-file cert and --key name the same file")]
    [DataRow("ca", "--ca", "--remove-file ca and --ca name the same file")]
    [DataRow("ota-pubkey", "--ota-pubkey", "--remove-file ota-pubkey and --ota-pubkey name the same file")]
    public void RemoveFile_WithAFileOfTheSameKind_IsAUsageError(string kind, string option, string expected)
    {
        string file = Write("file.pem", option == "--key" ? Fixtures.Pem("PRIVATE KEY", 2) : option == "--ota-pubkey" ? Fixtures.OtaPublicKeyPem() : Fixtures.Pem("CERTIFICATE", 2));

        var (exit, _, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson()), option, file, "--remove-file", kind);

        Assert.AreEqual(2, exit, error);
        StringAssert.Contains(error, expected);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, error);
    }

    [TestMethod]
    [DataRow("--via-nanoff", "--remove-file cannot go with --via-nanoff: nanoff's file deployment writes files but cannot delete one")]
    [DataRow("--info", "--remove-file cannot go with --info")]
    public void RemoveFile_WithAnotherMode_IsAUsageError(string other, string expected)
    {
        var (exit, _, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson("n", ", \"useTls\": false")), "--remove-file", "ca", other);

        Assert.AreEqual(2, exit, error);
        StringAssert.Contains(error, expected);
    }

    [TestMethod]
    public void RemoveFile_BadKindOrNoConfig_IsAUsageError()
    {
        var bad = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson()), "--remove-file", "key");
        Assert.AreEqual(2, bad.ExitCode, bad.Stderr);
        StringAssert.Contains(bad.Stderr, "--remove-file must be ca, cert or ota-pubkey, got 'key'");

        var alone = CliRunner.Run("provision", "--port", _pty.HostSide, "--remove-file", "ca");
        Assert.AreEqual(2, alone.ExitCode, alone.Stderr);
        StringAssert.Contains(alone.Stderr, "--remove-file needs --config");
    }

    [TestMethod]
    public void RemoveFile_NodeWithoutTheCommand_IsExit1AndNothingIsCommitted()
    {
        ProvisioningConsole console = HostileNode.Provisioned();
        bool commitSeen = false;
        using (new HostileNode(_pty!.NodeSide, console, (request, honest) =>
        {
            commitSeen |= HostileNode.TypeOf(request) == ProvisioningCommand.Commit;
            if (HostileNode.TypeOf(request) != ProvisioningCommand.RemoveFile)
            {
                return honest;
            }

            // Firmware older than §4.9: UnknownCommand, field 0, "unknown command".
            byte[] old = new byte[6 + 15];
            Array.Copy(honest, old, 4);
            old[4] = (byte)ProvisioningStatus.UnknownCommand;
            System.Text.Encoding.ASCII.GetBytes("unknown command").CopyTo(old, 6);
            return old;
        }))
        {
            var (exit, _, error) = CliRunner.Run("provision", "--port", _pty.HostSide, "--config", Write("node.json", Fixtures.NodeJson("greenhouse-1", ", \"useTls\": false")), "--remove-file", "ota-pubkey");

            Assert.AreEqual(1, exit, error);
            Assert.AreEqual(1, error.Trim().Split('\n').Length, error);
            StringAssert.Contains(error, "the node's firmware does not know remove-file (it answered UnknownCommand); nothing was committed");
        }

        Assert.IsFalse(commitSeen);
        Assert.AreEqual(1, console.Committed.ConfigVersion);
    }

    private void StartSimulatedNode()
    {
        _node = new SimulatedConsoleNode(_pty!.NodeSide, Path.Combine(_dir, "flash"));
        _store = _node.Store;
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
