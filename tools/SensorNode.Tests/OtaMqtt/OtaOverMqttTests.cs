using System;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;
using SensorNode.Tests.Ota;

namespace SensorNode.Tests.OtaMqtt;

/// <summary>
/// End to end (docs/spec/mqtt.md §11): an operator sends the ota command over a real MQTT broker, the
/// simulated node downloads from the local HTTP Range server, verifies, switches slots, reboots and
/// reports every step on &lt;base&gt;/ota; health then carries the running version.
/// </summary>
[TestClass]
public sealed class OtaOverMqttTests
{
    private static readonly byte[] V1 = OtaImageBuilderHelper.Image(OtaMqttRig.Key, 1, 0, 0, 5, 4000);
    private static readonly byte[] V2 = OtaImageBuilderHelper.Image(OtaMqttRig.Key, 2, 0, 0, 6, 20000);
    private static readonly byte[] V3 = OtaImageBuilderHelper.Image(OtaMqttRig.Key, 3, 0, 0, 7, 6000);

    [TestMethod]
    public void OtaCommand_DownloadsVerifiesRebootsIntoTrial_ConfirmsAfterPublishing_AndReportsTheNewVersion()
    {
        using var rig = new OtaMqttRig(V1);
        rig.Server.Serve("v2.snimg", V2);
        rig.StepUntil(() => rig.On("health").Length > 0, "first health");
        Assert.AreEqual("1.0.0", Health(rig).GetProperty("firmware_version").GetString());

        rig.Send(OtaMqttRig.OtaCommandJson("u1", rig.Server.Url("v2.snimg"), V2));
        rig.StepUntil(() => rig.OtaState("confirmed"), "confirmed");
        rig.WaitFor(m => m.Topic == rig.Base + "/ota" && m.Text.Contains("\"confirmed\"", StringComparison.Ordinal), "confirmed message");

        Assert.AreEqual("{\"id\":\"u1\",\"cmd\":\"ota\",\"ok\":true}", rig.On("cmd/result").Single());
        string[] states = rig.Ota().Select(e => e.GetProperty("state").GetString()!).ToArray();
        string[] order = states.Distinct().ToArray();
        CollectionAssert.AreEqual(new[] { "downloading", "verifying", "trial", "confirmed" }, order, string.Join(",", states));
        JsonElement lastDownload = rig.Ota().Last(e => e.GetProperty("state").GetString() == "downloading");
        Assert.AreEqual(100, lastDownload.GetProperty("percent").GetInt32());
        Assert.AreEqual(V2.Length, lastDownload.GetProperty("total_bytes").GetInt32());
        Assert.AreEqual("1.0.0", lastDownload.GetProperty("running").GetString(), "still running 1.0.0 while downloading");
        JsonElement confirmed = rig.Ota().Last();
        Assert.AreEqual("2.0.0", confirmed.GetProperty("version").GetString());
        Assert.AreEqual("2.0.0", confirmed.GetProperty("running").GetString());

        rig.StepUntil(() => rig.On("health").Any(h => h.Contains("\"firmware_version\":\"2.0.0\"", StringComparison.Ordinal)), "health with 2.0.0");
        Assert.AreEqual(2, rig.Node.Boots, "one reboot into the trial");
        Assert.IsTrue(rig.Node.Decision.IsTrial);
        Assert.AreEqual("2.0.0", rig.Node.RunningVersion);

        rig.Node.Boot();
        Assert.AreEqual(BootAction.BootConfirmed, rig.Node.Decision.Action, "confirmed image boots as such");
        Assert.AreEqual("2.0.0", rig.Node.RunningVersion);
    }

    [TestMethod]
    public void TrialThatNeverPassesItsHealthCheck_RollsBackAfterNBoots_AndReportsRolledBackOverMqtt()
    {
        using var rig = new OtaMqttRig(V1, appStarts: v => v != "3.0.0", maxTrialBoots: 2);
        rig.Server.Serve("v3.snimg", V3);
        rig.StepUntil(() => rig.Node.Session.State == Core.Telemetry.SessionState.Online, "online");
        rig.Send(OtaMqttRig.OtaCommandJson("u3", rig.Server.Url("v3.snimg"), V3));
        rig.StepUntil(() => rig.OtaState("rolled_back"), "rolled_back");

        JsonElement rolled = rig.Ota().Last();
        Assert.AreEqual("rolled_back", rolled.GetProperty("state").GetString());
        Assert.AreEqual("3.0.0", rolled.GetProperty("version").GetString());
        Assert.AreEqual("health_check_failed", rolled.GetProperty("reason").GetString());
        Assert.AreEqual("1.0.0", rolled.GetProperty("running").GetString());
        Assert.IsFalse(rig.OtaState("confirmed"));
        Assert.IsFalse(rig.OtaState("trial"), "the broken trial never connected, so never reported");
        Assert.AreEqual("1.0.0", rig.Node.RunningVersion);
        Assert.AreEqual(4, rig.Node.Boots, "power on, two trial boots, revert");
        rig.StepUntil(() => rig.On("health").Length >= 2, "health after the revert");
        Assert.AreEqual("1.0.0", Health(rig).GetProperty("firmware_version").GetString());
    }

    [DataRow("tampered", "hash_mismatch")]
    [DataRow("wrong-key", "signature_invalid")]
    [TestMethod]
    public void BadImageOverMqtt_IsRejectedWithItsReason_AndTheNodeKeepsRunningItsVersion(string kind, string reason)
    {
        using var rig = new OtaMqttRig(V1);
        byte[] served = (byte[])V2.Clone();
        if (kind == "tampered")
        {
            served[served.Length - ImageFormat.SignatureLength - 1] ^= 0x01;
        }
        else
        {
            using var other = System.Security.Cryptography.RSA.Create(3072);
            served = OtaImageBuilderHelper.Image(other, 2, 0, 0, 6, 20000);
        }

        rig.Server.Serve("bad.snimg", served);
        rig.StepUntil(() => rig.Node.Session.State == Core.Telemetry.SessionState.Online, "online");
        rig.Send(OtaMqttRig.OtaCommandJson("b1", rig.Server.Url("bad.snimg"), served));
        rig.StepUntil(() => rig.OtaState("rejected"), "rejected");
        rig.WaitFor(m => m.Topic == rig.Base + "/ota" && m.Text.Contains("rejected", StringComparison.Ordinal), "rejected message");

        JsonElement rejected = rig.Ota().Last();
        Assert.AreEqual("2.0.0", rejected.GetProperty("version").GetString());
        Assert.AreEqual(reason, rejected.GetProperty("reason").GetString());
        Assert.AreEqual("1.0.0", rejected.GetProperty("running").GetString());
        Assert.AreEqual(1, rig.Node.Boots, "no reboot");
        Assert.AreEqual("1.0.0", rig.Node.RunningVersion);
        rig.Node.Boot();
        Assert.AreEqual(BootAction.BootConfirmed, rig.Node.Decision.Action);
        Assert.AreEqual("1.0.0", rig.Node.RunningVersion);
    }

    [TestMethod]
    public void DeepSleepingNode_ExtendsEachWakeWithinTheCap_FinishesOverSeveralWakes_AndConfirms()
    {
        using var rig = new OtaMqttRig(V1);
        rig.Server.Serve("v2.snimg", V2);
        rig.Send(OtaMqttRig.OtaCommandJson("d1", rig.Server.Url("v2.snimg"), V2), retain: true);

        // 8 kB/s assumed, 0.5 s to verify, at most 1.5 s more per wake: about 8 kB per wake for a 21 kB image.
        var budget = new OtaWakeBudget(8000, 500, 1500);
        var wakes = new System.Collections.Generic.List<OtaWake>();
        while (!rig.OtaState("confirmed") && wakes.Count < 12)
        {
            wakes.Add(rig.Node.Wake(budget, listenMilliseconds: 5000, sleepSeconds: 60));
        }

        Assert.IsTrue(rig.OtaState("confirmed"), string.Join("; ", wakes) + "\n" + rig.Log);
        Assert.IsTrue(wakes.All(w => w.ExtraMilliseconds <= 1500), "every extension is bounded: " + string.Join("; ", wakes));
        Assert.IsTrue(wakes.Count(w => w.Outcome == OtaOutcome.Suspended) >= 2, "the download spanned several wakes: " + string.Join("; ", wakes));
        Assert.AreEqual(1, wakes.Count(w => w.Outcome == OtaOutcome.Installed));
        Assert.IsTrue(rig.Server.Offsets.Count(o => o > 0) >= 2, "each later wake resumed with a Range");
        Assert.AreEqual("2.0.0", rig.Node.RunningVersion);
        Assert.IsTrue(rig.On("status").Contains("sleeping"), "wakes ended announcing sleep");
        rig.Send(string.Empty, retain: true); // clear the retained order
    }

    private static JsonElement Health(OtaMqttRig rig) => JsonDocument.Parse(rig.On("health").Last()).RootElement;
}
