using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Tests.Ota;

namespace SensorNode.Tests.OtaMqtt;

/// <summary>
/// Issue 17 items 1-3 (docs/spec/ota-slots.md §5.2) with the hostile peers that found them: an update
/// server that keeps sending after the image, one that stalls mid-body, and a closed port. The always-on
/// node runs over a real MQTT broker and must stay bounded, keep sampling and answering commands, and end
/// every failed order with a retained &lt;base&gt;/ota report giving the reason.
/// </summary>
[TestClass]
public sealed class HostileUpdateServerTests
{
    private static readonly byte[] V1 = OtaImageBuilderHelper.Image(OtaMqttRig.Key, 1, 0, 0, 5, 4000);
    private static readonly byte[] V2 = OtaImageBuilderHelper.Image(OtaMqttRig.Key, 2, 0, 0, 6, 20000);

    [TestMethod]
    public void ServerThatKeepsSendingAfterTheImage_IsCutOffAtTheHeadersLength_AndReportedTooLong()
    {
        using var rig = new OtaMqttRig(V1);
        rig.Server.OverSend = true;
        rig.Server.Serve("v2.snimg", V2);
        rig.StepUntil(() => rig.Node.Session.State == Core.Telemetry.SessionState.Online, "online");
        long largestPart = 0;
        rig.Send(OtaMqttRig.OtaCommandJson("o1", rig.Server.Url("v2.snimg"), V2));
        rig.StepUntil(() =>
        {
            largestPart = Math.Max(largestPart, LargestSlotFile(rig));
            return rig.OtaState("rejected") || rig.OtaState("failed");
        }, "end of the order");
        rig.WaitFor(m => m.Topic == rig.Base + "/ota" && m.Text.Contains("too_long", StringComparison.Ordinal), "too_long report");

        Assert.IsTrue(largestPart <= V2.Length, $"a slot file grew to {largestPart} bytes, past the image's {V2.Length}");
        JsonElement[] downloads = rig.Ota().Where(e => e.GetProperty("state").GetString() == "downloading").ToArray();
        Assert.IsTrue(downloads.All(e => e.GetProperty("percent").ValueKind == JsonValueKind.Null || e.GetProperty("percent").GetInt32() is >= 0 and <= 100), string.Join("\n", rig.On("ota")));
        Assert.IsTrue(downloads.Length <= 100 / OtaUpdater.ProgressStepPercent + 2, $"{downloads.Length} progress reports");
        JsonElement last = rig.Ota().Last();
        Assert.AreEqual("too_long", last.GetProperty("reason").GetString());
        Assert.AreEqual("1.0.0", last.GetProperty("running").GetString());
        Assert.AreEqual(1, rig.Node.Boots, "no reboot into anything");
    }

    [TestMethod]
    public void ServerAnnouncingALongerBody_IsRefusedTooLong()
    {
        using var rig = new OtaMqttRig(V1);
        rig.Server.AnnounceLength = V2.Length + 1_000_000;
        rig.Server.Serve("v2.snimg", V2);
        rig.StepUntil(() => rig.Node.Session.State == Core.Telemetry.SessionState.Online, "online");
        rig.Send(OtaMqttRig.OtaCommandJson("o2", rig.Server.Url("v2.snimg"), V2));
        rig.StepUntil(() => rig.OtaState("rejected") || rig.OtaState("failed"), "end of the order");
        rig.WaitFor(m => m.Topic == rig.Base + "/ota" && m.Text.Contains("too_long", StringComparison.Ordinal), "too_long report");
        Assert.IsTrue(LargestSlotFile(rig) <= V2.Length);
    }

    [TestMethod]
    public void ServerThatStallsMidBody_FailsWithTimeout_WhileTheNodeKeepsSamplingAndAnsweringCommands()
    {
        using var rig = new OtaMqttRig(V1, readTimeoutMilliseconds: 1500);
        rig.Server.StallAfter = 4;
        rig.Server.Serve("v2.snimg", V2);
        rig.StepUntil(() => rig.Node.Session.State == Core.Telemetry.SessionState.Online, "online");
        rig.Send(OtaMqttRig.OtaCommandJson("s1", rig.Server.Url("v2.snimg"), V2));
        rig.StepUntil(() => rig.On("cmd/result").Any(r => r.Contains("\"s1\"", StringComparison.Ordinal)), "order accepted");
        int telemetryAtOrder = rig.On("telemetry").Length;
        rig.Send("{\"id\":\"c1\",\"cmd\":\"set_interval\",\"seconds\":1}");
        rig.StepUntil(() => rig.OtaState("failed"), "failed report");
        rig.WaitFor(m => m.Topic == rig.Base + "/ota" && m.Text.Contains("\"failed\"", StringComparison.Ordinal), "failed message");

        var arrived = rig.Messages.ToArray();
        int failedAt = Array.FindIndex(arrived, m => m.Topic == rig.Base + "/ota" && m.Text.Contains("\"failed\"", StringComparison.Ordinal));
        int answeredAt = Array.FindIndex(arrived, m => m.Topic == rig.Base + "/cmd/result" && m.Text.Contains("\"c1\"", StringComparison.Ordinal));
        Assert.IsTrue(answeredAt >= 0 && answeredAt < failedAt, "the command sent during the stalled download is answered before the order fails");
        int telemetryDuring = arrived.Take(failedAt).Count(m => m.Topic == rig.Base + "/telemetry") - telemetryAtOrder;
        Assert.IsTrue(telemetryDuring >= 2, $"{telemetryDuring} telemetry publishes while the server stalled");
        JsonElement failed = rig.Ota().Last(e => e.GetProperty("state").GetString() == "failed");
        Assert.AreEqual("timeout", failed.GetProperty("reason").GetString());
        Assert.AreEqual("2.0.0", failed.GetProperty("version").GetString());
        Assert.AreEqual("1.0.0", failed.GetProperty("running").GetString());

        // Afterwards the node goes on publishing.
        int before = rig.On("telemetry").Length;
        rig.StepUntil(() => rig.On("telemetry").Length > before, "telemetry after the failed order");
    }

    [TestMethod]
    public void OrderForAClosedPort_EndsWithARetainedFailedReport_Unreachable()
    {
        using var rig = new OtaMqttRig(V1);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        rig.StepUntil(() => rig.Node.Session.State == Core.Telemetry.SessionState.Online, "online");
        rig.Send(OtaMqttRig.OtaCommandJson("p1", $"http://127.0.0.1:{closedPort}/v2.snimg", V2));
        rig.StepUntil(() => rig.OtaState("failed"), "failed report");

        Assert.AreEqual("{\"id\":\"p1\",\"cmd\":\"ota\",\"ok\":true}", rig.On("cmd/result").Single());
        JsonElement failed = rig.Ota().Last();
        Assert.AreEqual("failed", failed.GetProperty("state").GetString());
        Assert.AreEqual("unreachable", failed.GetProperty("reason").GetString());
        Assert.AreEqual("1.0.0", failed.GetProperty("running").GetString());
        StringAssert.Contains(rig.Log.ToString(), "failed: unreachable");
    }

    // The node's flash directory: every file (slot images, .part downloads, records); V1 in slot A is smaller than V2.
    private static long LargestSlotFile(OtaMqttRig rig)
    {
        long largest = 0;
        foreach (string f in Directory.EnumerateFiles(rig.Directory, "*", SearchOption.AllDirectories))
        {
            try
            {
                largest = Math.Max(largest, new FileInfo(f).Length);
            }
            catch (FileNotFoundException)
            {
                // deleted between listing and reading: the reject removed the part
            }
        }

        return largest;
    }
}
