using System;
using System.IO;
using System.Text;
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
/// Issue 17 item 8, end to end over a real pseudo-terminal pair with the simulated node (SerialConsoleHost): a
/// staged file left by an unfinished run no longer blocks a later run, and `provision --discard-staged` drops
/// staged files while the committed configuration stays byte for byte (docs/spec/provisioning.md §4.7).
/// </summary>
[TestClass]
public sealed class DiscardStagedPtyTests
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
        _node = new SimulatedConsoleNode(_pty.NodeSide, Path.Combine(_dir, "flash"));
        _store = _node.Store;
    }

    [TestCleanup]
    public void Stop()
    {
        _node?.Dispose();
        _pty?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [TestMethod]
    public void LeftoverStagedCertificate_LaterRunWithoutCertificates_IsDiscardedAndTheRunCommits()
    {
        // An earlier run staged a client certificate and stopped before commit.
        StageOverSerial(ConfigField.ClientCertificate, Fixtures.Pem("CERTIFICATE", 12));
        Assert.IsTrue(File.Exists(Path.Combine(_store!.Root, "cert.stage")));

        var (exit, output, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson()), "--ca", Write("ca.pem", Fixtures.Pem("CERTIFICATE", 5)));

        // Without discard-staged the staged certificate made the commit Inconsistent (clientKey).
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "discarded staged file(s) from an earlier run on the node: clientCertificate");
        StringAssert.Contains(output, "verified: node greenhouse-1 reports config version 1");
        NodeConfig committed = Fixtures.Load(_store);
        Assert.AreEqual(string.Empty, committed.ClientCertificateFile);
        Assert.AreEqual("ca.1.pem", committed.CaCertificateFile);
        Assert.IsFalse(File.Exists(Path.Combine(_store.Root, "cert.stage")));
    }

    [TestMethod]
    public void DiscardStagedOption_DropsStagedFiles_CommittedConfigurationStaysByteForByte()
    {
        Assert.AreEqual(0, CliRunner.Run("provision", "--port", _pty!.HostSide, "--config", Write("node.json", Fixtures.NodeJson("kitchen")), "--ca", Write("ca.pem", Fixtures.Pem("CERTIFICATE", 4))).ExitCode);
        byte[] blobBefore = File.ReadAllBytes(Path.Combine(_store!.Root, ConfigStore.CurrentName));
        byte[] caBefore = File.ReadAllBytes(Path.Combine(_store.Root, "ca.1.pem"));
        StageOverSerial(ConfigField.CaCertificate, Fixtures.Pem("CERTIFICATE", 30));
        StageOverSerial(ConfigField.OtaPublicKey, Fixtures.OtaPublicKeyPem());

        var (exit, output, error) = CliRunner.Run("provision", "--port", _pty.HostSide, "--discard-staged");

        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "discarded staged file(s) on the node: caCertificate, otaPublicKey");
        StringAssert.Contains(output, "the node's committed configuration is unchanged");
        Assert.IsFalse(File.Exists(Path.Combine(_store.Root, "ca.stage")));
        Assert.IsFalse(File.Exists(Path.Combine(_store.Root, "ota.stage")));
        CollectionAssert.AreEqual(blobBefore, File.ReadAllBytes(Path.Combine(_store.Root, ConfigStore.CurrentName)));
        CollectionAssert.AreEqual(caBefore, File.ReadAllBytes(Path.Combine(_store.Root, "ca.1.pem")));

        var again = CliRunner.Run("provision", "--port", _pty.HostSide, "--discard-staged");
        Assert.AreEqual(0, again.ExitCode, again.Stderr);
        StringAssert.Contains(again.Stdout, "the node had no staged files");

        // The node still reports the committed configuration.
        var info = CliRunner.Run("provision", "--port", _pty.HostSide, "--info");
        Assert.AreEqual(0, info.ExitCode, info.Stderr);
        StringAssert.Contains(info.Stdout, "\"nodeId\": \"kitchen\"");
        StringAssert.Contains(info.Stdout, "\"configVersion\": 1");
    }

    [TestMethod]
    [DataRow("--info")]
    [DataRow("--via-nanoff")]
    public void DiscardStaged_WithAnotherMode_IsAUsageError(string other)
    {
        var (exit, _, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--discard-staged", other);

        Assert.AreEqual(2, exit, error);
        StringAssert.Contains(error, $"--discard-staged talks to the node's serial console and cannot go with {other}");
    }

    [TestMethod]
    public void DiscardStaged_WithDryRun_IsAUsageError_AndTheStagedFileStays()
    {
        // A dry run must never change a node: --dry-run belongs to --via-nanoff, and the discard is never sent.
        StageOverSerial(ConfigField.ClientCertificate, Fixtures.Pem("CERTIFICATE", 2));
        var (exit, _, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--discard-staged", "--dry-run");

        Assert.AreEqual(2, exit, error);
        StringAssert.Contains(error, "--dry-run applies to --via-nanoff only");
        var (again, output, againError) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--discard-staged");
        Assert.AreEqual(0, again, againError + output);
        StringAssert.Contains(output, "discarded staged file(s) on the node: clientCertificate", "the staged certificate was still there for the real discard");
    }

    [TestMethod]
    public void DiscardStaged_WithAFileButNoConfig_IsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("provision", "--port", _pty!.HostSide, "--discard-staged", "--ca", Write("ca.pem", Fixtures.Pem("CERTIFICATE", 2)));

        Assert.AreEqual(2, exit, error);
        StringAssert.Contains(error, "--ca needs --config");
    }

    /// <summary>An unfinished run: one file uploaded and staged, no commit.</summary>
    private void StageOverSerial(ConfigField kind, string pem)
    {
        using var link = new SerialPortLink(_pty!.HostSide);
        new ProvisioningClient(link).PutFile(kind, Encoding.ASCII.GetBytes(pem), ProvisioningLimits.MaxChunkBytes);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
