using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;
using SensorNode.Host.Storage;

namespace SensorNode.Tests.Ota;

/// <summary>
/// A simulated node (core updater + boot manager over a directory "flash") updates itself from a
/// local HTTP server: the order arrives as the MQTT command JSON, progress and results are recorded
/// as the MQTT layer would publish them, and each reboot builds the node afresh over the same files.
/// </summary>
[TestClass]
public sealed class OtaEndToEndTests
{
    private static readonly RSA Key = OtaVectors.PrivateKey();
    private static readonly byte[] V1 = OtaImageBuilderHelper.Image(Key, 1, 0, 0, 5, 4000);
    private static readonly byte[] V2 = OtaImageBuilderHelper.Image(Key, 2, 0, 0, 6, 20000);

    private string _dir = null!;
    private RangeHttpServer _server = null!;
    private HttpClientRange _http = null!;
    private DirectoryFileStore _store = null!;

    [TestInitialize]
    public void Start()
    {
        _dir = Path.Combine(Path.GetTempPath(), "sn-ota-e2e-" + Guid.NewGuid().ToString("N"));
        _server = new RangeHttpServer();
        _http = new HttpClientRange(TimeSpan.FromSeconds(60));
        _store = new DirectoryFileStore(_dir);
        OtaNode.Install(_store, 0, V1);
    }

    [TestCleanup]
    public void Stop()
    {
        _http.Dispose();
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [TestMethod]
    public void Command_DownloadsVerifiesSwitchesAndReportsTheNewVersion()
    {
        OtaNode node = Node();
        _server.Serve("v2.snimg", V2);
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(FromMqtt(V2, "v2.snimg"), int.MaxValue));
        Assert.AreEqual("downloading 2.0.0 100", node.Reporter.Events.Last(e => e.StartsWith("downloading", StringComparison.Ordinal)));
        CollectionAssert.Contains(node.Reporter.Events, "verifying 2.0.0");

        node.Reboot();
        Assert.IsTrue(node.Decision.IsTrial);
        Assert.AreEqual("2.0.0", node.RunningVersion);
        Assert.AreEqual("trial 2.0.0", node.Reporter.Events[^1]);

        Assert.IsTrue(node.Updater.Confirm(), "health check: connected and published");
        Assert.AreEqual("confirmed 2.0.0", node.Reporter.Events[^1]);
        node.Reboot();
        Assert.AreEqual(BootAction.BootConfirmed, node.Decision.Action);
        Assert.AreEqual("2.0.0", node.RunningVersion);
        Assert.IsFalse(File.Exists(Path.Combine(_dir, SlotFiles.Download)));
    }

    [TestMethod]
    public void FailedHealthCheck_RollsBackAfterNBoots_AndReportsIt()
    {
        OtaNode node = Node(maxTrialBoots: 2);
        _server.Serve("v2.snimg", V2);
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(FromMqtt(V2, "v2.snimg"), int.MaxValue));
        node.Reboot();
        node.Reboot();
        Assert.AreEqual("2.0.0", node.RunningVersion, "two trial boots, never confirmed");
        node.Reboot();
        Assert.AreEqual("1.0.0", node.RunningVersion);
        Assert.AreEqual("rolled_back 2.0.0 health_check_failed", node.Reporter.Events[^1]);
    }

    [DataRow("tampered", "hash_mismatch")]
    [DataRow("truncated", "truncated")]
    [DataRow("wrong-key", "signature_invalid")]
    [DataRow("wrong-board", "wrong_board")]
    [DataRow("incompatible", "incompatible_firmware")]
    [DataRow("downgrade", "downgrade")]
    [TestMethod]
    public void BadImage_IsRefusedWithItsReason_AndTheNodeKeepsItsImage(string kind, string reason)
    {
        OtaNode node = Node();
        (byte[] served, byte[] ordered) = BadImage(kind);
        _server.Serve("bad.snimg", served);
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(FromMqtt(ordered, "bad.snimg"), int.MaxValue));
        StringAssert.EndsWith(node.Reporter.Events[^1], " " + reason);
        StringAssert.StartsWith(node.Reporter.Events[^1], "rejected ");
        Assert.IsFalse(Directory.GetFiles(_dir).Any(f => f.EndsWith(".part", StringComparison.Ordinal) || f.EndsWith(SlotFiles.Download, StringComparison.Ordinal)), "no leftovers");

        // The same order again (a retained command at the next wake): the same reason, nothing fetched (ota-slots.md §5.1).
        int requests = _server.Offsets.Count;
        string first = node.Reporter.Events[^1];
        int events = node.Reporter.Events.Count;
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(FromMqtt(ordered, "bad.snimg"), int.MaxValue));
        Assert.AreEqual(first, node.Reporter.Events[^1]);
        Assert.AreEqual(events + 1, node.Reporter.Events.Count, "only the rejection is reported again");
        Assert.AreEqual(requests, _server.Offsets.Count, "a refused order is not downloaded again");

        node.Reboot();
        Assert.AreEqual(BootAction.BootConfirmed, node.Decision.Action);
        Assert.AreEqual("1.0.0", node.RunningVersion);
        Assert.AreEqual(ImageStatus.Ok, node.VerifyRunning());
    }

    [TestMethod]
    public void DroppedConnection_ResumesWithRange()
    {
        OtaNode node = Node();
        _server.Serve("v2.snimg", V2);
        _server.DropNextAfter(7000);
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(FromMqtt(V2, "v2.snimg"), int.MaxValue));
        int[] offsets = _server.Offsets.ToArray();
        Assert.AreEqual(0, offsets[0]);
        Assert.IsTrue(offsets.Skip(1).Any(o => o >= 3500 && o <= 7000), "resumed with a Range from what was stored: " + string.Join(",", offsets));
        node.Reboot();
        Assert.AreEqual("2.0.0", node.RunningVersion);
    }

    [TestMethod]
    public void DeepSleepBudget_SuspendsAndContinuesAtTheNextWake()
    {
        OtaNode node = Node();
        _server.Serve("v2.snimg", V2);
        int extra = node.Updater.ExtraAwakeMilliseconds(10_000, 500, 2_000);
        Assert.AreEqual(0, extra, "nothing pending yet");
        Assert.AreEqual(OtaOutcome.Suspended, node.Updater.Start(FromMqtt(V2, "v2.snimg"), OtaUpdater.BytesFor(1_000, 8_000)));
        Assert.AreEqual(2_000, node.Updater.ExtraAwakeMilliseconds(1_000, 500, 2_000), "capped");
        int wanted = node.Updater.ExtraAwakeMilliseconds(100_000, 500, 60_000);
        Assert.IsTrue(wanted > 500 && wanted < 60_000, "remaining bytes / rate + verify time: " + wanted);

        for (int wake = 0; wake < 10; wake++)
        {
            node.Reboot();
            Assert.AreEqual("1.0.0", node.RunningVersion);
            OtaOutcome outcome = node.Updater.Continue(8_000);
            if (outcome == OtaOutcome.Installed)
            {
                break;
            }

            Assert.AreEqual(OtaOutcome.Suspended, outcome);
        }

        Assert.IsTrue(_server.Offsets.Count(o => o > 0) >= 2, "each wake resumed with a Range");
        node.Reboot();
        Assert.AreEqual("2.0.0", node.RunningVersion);
        Assert.AreEqual(OtaOutcome.Idle, node.Updater.Continue(8_000));
    }

    [TestMethod]
    public void RepeatedOrder_ForTheRunningImage_ChangesNothing()
    {
        OtaNode node = Node();
        _server.Serve("v2.snimg", V2);
        OtaCommand order = FromMqtt(V2, "v2.snimg");
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(order, int.MaxValue));
        node.Reboot();
        int requests = _server.Offsets.Count;
        Assert.AreEqual(OtaOutcome.Idle, node.Updater.Start(FromMqtt(V2, "v2.snimg"), int.MaxValue), "retained order during the trial");
        Assert.IsTrue(node.Updater.Confirm());
        node.Reboot();
        Assert.AreEqual(OtaOutcome.Idle, node.Updater.Start(FromMqtt(V2, "v2.snimg"), int.MaxValue), "retained order after confirm");
        Assert.AreEqual("confirmed 2.0.0", node.Reporter.Events[^1]);
        Assert.AreEqual(requests, _server.Offsets.Count, "nothing downloaded again");
        Assert.AreEqual("2.0.0", node.RunningVersion);
    }

    [TestMethod]
    public void Handle_MalformedCommand_IsReportedRejected_AndAGoodOneRuns()
    {
        OtaNode node = Node();
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Handle("ftp://x", "2.0.0", new string('0', 64), int.MaxValue));
        Assert.AreEqual("rejected 2.0.0 bad_url", node.Reporter.Events[^1]);
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Handle(_server.Url("v2.snimg"), "2.0.0", "xyz", int.MaxValue));
        Assert.AreEqual("rejected 2.0.0 bad_sha256", node.Reporter.Events[^1]);
        _server.Serve("v2.snimg", V2);
        var header = new ImageHeader();
        header.Parse(V2, 0, ImageFormat.MaxHeaderLength);
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Handle(_server.Url("v2.snimg"), "2.0.0", Convert.ToHexStringLower(header.PayloadSha256), int.MaxValue));
    }

    [TestMethod]
    public void MissingImage_IsRejectedNotFound()
    {
        OtaNode node = Node();
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(FromMqtt(V2, "nothing-here.snimg"), int.MaxValue));
        Assert.AreEqual("rejected 2.0.0 not_found", node.Reporter.Events[^1]);
    }

    [TestMethod]
    public void NotFound_IsNotRemembered_TheSameOrderRunsOnceTheImageIsThere()
    {
        OtaNode node = Node();
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(FromMqtt(V2, "later.snimg"), int.MaxValue));
        _server.Serve("later.snimg", V2);
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(FromMqtt(V2, "later.snimg"), int.MaxValue));
    }

    [TestMethod]
    public void RefusedOrder_FromAnotherUrl_IsTriedAgain()
    {
        OtaNode node = Node();
        byte[] tampered = (byte[])V2.Clone();
        tampered[^500] ^= 0x40;
        _server.Serve("bad.snimg", tampered);
        _server.Serve("fixed.snimg", V2);
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(FromMqtt(V2, "bad.snimg"), int.MaxValue));
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(FromMqtt(V2, "fixed.snimg"), int.MaxValue));
    }

    [TestMethod]
    public void OrderForAnotherImage_IsRejectedCommandMismatch()
    {
        OtaNode node = Node();
        _server.Serve("v2.snimg", V2);
        byte[] other = OtaImageBuilderHelper.Image(Key, 2, 0, 0, 6, 1000);
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(FromMqtt(other, "v2.snimg"), int.MaxValue));
        Assert.AreEqual("rejected 2.0.0 command_mismatch", node.Reporter.Events[^1]);
    }

    private (byte[] Served, byte[] Ordered) BadImage(string kind)
    {
        switch (kind)
        {
            case "tampered":
                byte[] t = (byte[])V2.Clone();
                t[t.Length - 500] ^= 0x40;
                return (t, V2);
            case "truncated":
                return (V2[..(V2.Length / 2)], V2);
            case "wrong-key":
                using (RSA other = RSA.Create(3072))
                {
                    byte[] w = OtaImageBuilderHelper.Image(other, 2, 0, 0, 6, 20000);
                    return (w, w);
                }

            case "wrong-board":
                byte[] b = OtaImageBuilderHelper.Image(Key, 2, 0, 0, 6, 20000, board: "esp32-s3-box");
                return (b, b);
            case "incompatible":
                byte[] i = OtaImageBuilderHelper.Image(Key, 2, 0, 0, 6, 20000, compat: new[] { new FirmwareAssembly("System.Net.Http", 1, 5, 211, 0, 0) });
                return (i, i);
            default:
                byte[] d = OtaImageBuilderHelper.Image(Key, 2, 0, 0, 4, 20000);
                return (d, d);
        }
    }

    // The order as the MQTT helper receives it: {"cmd":"ota","url":...,"version":...,"sha256":...}.
    private OtaCommand FromMqtt(byte[] image, string path)
    {
        var header = new ImageHeader();
        Assert.AreEqual(ImageStatus.Ok, header.Parse(image, 0, Math.Min(image.Length, ImageFormat.MaxHeaderLength)));
        string json = JsonSerializer.Serialize(new { cmd = "ota", url = _server.Url(path), version = header.VersionText, sha256 = Convert.ToHexStringLower(header.PayloadSha256) });
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement r = doc.RootElement;
        Assert.IsTrue(OtaCommand.TryCreate(r.GetProperty("url").GetString()!, r.GetProperty("version").GetString()!, r.GetProperty("sha256").GetString()!, out OtaCommand cmd, out string reason), reason);
        return cmd;
    }

    private OtaNode Node(int maxTrialBoots = 3)
    {
        var node = new OtaNode(_store, _http, OtaVectors.PublicKey(), maxTrialBoots, chunkBytes: 1024);
        Assert.AreEqual("1.0.0", node.RunningVersion);
        return node;
    }
}
