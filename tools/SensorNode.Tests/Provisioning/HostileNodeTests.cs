using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Provisioning;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// Issue 17 item 5: `provision` against a fake node on a real pseudo-terminal pair that sends the hostile replies
/// the issue found (short or out-of-range hello, info, get-config, commit; a get-config that points at itself; a
/// max chunk of 0), goes silent, or floods. Each run ends (a hard deadline fails the test instead of hanging) with
/// exit 1 and one line that names what the node sent, never a stack trace (docs/spec/provisioning.md §4.8).
/// </summary>
[TestClass]
public sealed class HostileNodeTests
{
    private static readonly TimeSpan HardDeadline = TimeSpan.FromSeconds(120);
    private const int Body = 5;
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

    [TestMethod]
    [DataRow("short-hello", "--info", "the node's hello reply is invalid: its 3-byte body ends inside max chunk")]
    [DataRow("hello-max-chunk-0", "--config", "the node's hello reply is invalid: max chunk is 0 bytes")]
    [DataRow("hello-version-2", "--info", "the node answered hello with protocol version 2, not 1")]
    [DataRow("info-text-out-of-range", "--info", "the node's info reply is invalid: node id is 200 bytes long; the most is 64")]
    [DataRow("info-text-past-end", "--info", "the node's info reply is invalid: its 38-byte body ends inside node id")]
    [DataRow("info-control-character", "--config", "the node's info reply is invalid: node id holds control character U+001B")]
    [DataRow("get-config-short", "--info", "the node's get-config reply is invalid: its 2-byte body ends inside the length of nodeId")]
    [DataRow("get-config-record-overruns", "--info", "the node's get-config reply is invalid: its 6-byte body ends inside nodeId")]
    [DataRow("get-config-i32-past-end", "--info", "ends inside brokerPort")]
    [DataRow("get-config-points-at-itself", "--info", "the node's get-config reply is invalid: next field id 1 does not continue after field 43")]
    [DataRow("get-config-unknown-field", "--info", "the node's get-config reply is invalid: it holds field id 99, which protocol 1 does not define")]
    [DataRow("commit-short", "--config", "the node's commit reply is invalid: its 2-byte body ends inside new config version")]
    [DataRow("silent-mid-file", "--config", "no answer from the node to file-chunk after 3 tries")]
    [DataRow("flood", "--info", "the node sent more than 33344 bytes without answering info; it is flooding the line")]
    [DataRow("refusal-with-escapes", "--config", "node refused set-config: brokerPort: ?[31mred")]
    public void HostileReply_EndsWithExit1AndOneLineNamingIt(string name, string mode, string expected)
    {
        using var node = new HostileNode(_pty!.NodeSide, HostileNode.Provisioned(), Script(name));
        string[] args = mode == "--info"
            ? new[] { "provision", "--port", _pty.HostSide, "--info" }
            : new[] { "provision", "--port", _pty.HostSide, "--config", Write("node.json", Fixtures.NodeJson()), "--ca", Write("ca.pem", Fixtures.Pem("CERTIFICATE", 20)) };

        var (exit, _, error) = RunWithin(HardDeadline, args);

        Assert.AreEqual(1, exit, error);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.AreEqual(1, lines.Length, error);
        StringAssert.StartsWith(lines[0], "sensornode provision: ");
        StringAssert.Contains(lines[0], expected);
        Assert.IsFalse(error.Contains("unexpected error", StringComparison.Ordinal) || error.Contains(" at SensorNode", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal), error);
        Assert.IsFalse(error.Any(c => char.IsControl(c) && c != '\n' && c != '\r'), "control characters reached the terminal");
        Assert.IsTrue(node.RequestsSeen >= 1);
    }

    [TestMethod]
    public void SlowNode_EveryAnswerJustInTime_EndsAtTheSessionDeadline()
    {
        // Each answer comes within the 2 s response timeout, so only the session's deadline can end the run.
        using var node = new HostileNode(_pty!.NodeSide, HostileNode.Provisioned(), (_, honest) =>
        {
            Thread.Sleep(1200);
            return honest;
        });
        using var link = new Host.Provisioning.SerialPortLink(_pty.HostSide);
        var client = new Host.Provisioning.ProvisioningClient(link, sessionMilliseconds: 3000);

        Task<Exception?> run = Task.Run(() =>
        {
            try
            {
                for (int i = 0; i < 100; i++)
                {
                    client.Hello();
                }

                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        });

        Assert.IsTrue(run.Wait(HardDeadline), "the client did not end: it hangs on a slow node");
        Assert.IsInstanceOfType<Host.Provisioning.ProvisioningException>(run.Result);
        StringAssert.StartsWith(run.Result!.Message, "the node answers too slowly: the session ran out of its 3 s before hello was answered");
    }

    /// <summary>The reply the fake node sends for a case: from the honest reply of a real console, or none.</summary>
    private static Func<byte[], byte[], byte[]?> Script(string name)
    {
        bool silent = false;
        return (request, honest) =>
        {
            ProvisioningCommand type = HostileNode.TypeOf(request);
            switch (name)
            {
                case "short-hello" when type == ProvisioningCommand.Hello:
                    return honest[..(Body + 3)];
                case "hello-max-chunk-0" when type == ProvisioningCommand.Hello:
                    honest[Body + 3] = 0;
                    honest[Body + 4] = 0;
                    return honest;
                case "hello-version-2" when type == ProvisioningCommand.Hello:
                    honest[0] = 2;
                    return honest;
                case "info-text-out-of-range" when type == ProvisioningCommand.Info:
                    honest[Body + 5] = 200;
                    return honest;
                case "info-text-past-end" when type == ProvisioningCommand.Info:
                    honest[Body + 5] = 60;
                    return honest;
                case "info-control-character" when type == ProvisioningCommand.Info:
                    honest[Body + 6] = 0x1B;
                    return honest;
                case "get-config-short" when type == ProvisioningCommand.GetConfig:
                    return honest[..(Body + 2)];
                case "get-config-record-overruns" when type == ProvisioningCommand.GetConfig:
                    return honest[..(Body + 6)];
                case "get-config-i32-past-end" when type == ProvisioningCommand.GetConfig:
                    return honest[..(RecordAt(honest, (int)ConfigField.BrokerPort) + 2 + 2)];
                case "get-config-points-at-itself" when type == ProvisioningCommand.GetConfig:
                    honest[Body] = request[4];
                    return honest;
                case "get-config-unknown-field" when type == ProvisioningCommand.GetConfig:
                    return honest.Concat(new byte[] { 99, 1, 0 }).ToArray();
                case "commit-short" when type == ProvisioningCommand.Commit:
                    return honest[..(Body + 2)];
                case "silent-mid-file":
                    silent |= type == ProvisioningCommand.FileChunk;
                    return silent ? null : honest;
                case "flood" when type == ProvisioningCommand.Info:
                    return HostileNode.Flood;
                case "refusal-with-escapes" when type == ProvisioningCommand.SetConfig:
                    byte[] message = "\u001b[31mred\r\nsecond line"u8.ToArray().Concat(Enumerable.Repeat((byte)'A', 400)).ToArray();
                    return honest[..4].Concat(new byte[] { (byte)ProvisioningStatus.InvalidValue, (byte)ConfigField.BrokerPort }).Concat(message).ToArray();
                default:
                    return honest;
            }
        };
    }

    /// <summary>Where the record of a field starts in an honest get-config reply.</summary>
    private static int RecordAt(byte[] reply, int id)
    {
        for (int at = Body + 1; at + 1 < reply.Length; at += 2 + reply[at + 1])
        {
            if (reply[at] == id)
            {
                return at;
            }
        }

        throw new InvalidOperationException($"field {id} is not in the reply");
    }

    /// <summary>Runs the CLI in-process; a run that does not end within the deadline fails the test (the pty is closed so the run stops).</summary>
    private (int ExitCode, string Stdout, string Stderr) RunWithin(TimeSpan deadline, params string[] args)
    {
        Task<(int, string, string)> run = Task.Run(() => CliRunner.Run(args));
        if (!run.Wait(deadline))
        {
            _pty?.Dispose();
            _pty = null;
            Assert.Fail($"sensornode {string.Join(' ', args.Take(1))} did not end within {deadline.TotalSeconds} s: it hangs on a hostile node");
        }

        return run.Result;
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
