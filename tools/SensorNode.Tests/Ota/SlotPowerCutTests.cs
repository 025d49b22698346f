using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Ota;

/// <summary>
/// MCUboot-style power-cut injection (docs/spec/ota-slots.md §4): power is cut during every single
/// store write of an update (download, install, trial boot, confirm) and of a revert; after each cut
/// the node reboots and must run an image that verifies, and must then still reach the right end state.
/// </summary>
[TestClass]
public sealed class SlotPowerCutTests
{
    private static readonly System.Security.Cryptography.RSA Key = OtaVectors.PrivateKey();
    private static readonly byte[] V1 = OtaImageBuilderHelper.Image(Key, 1, 0, 0, 1, 2000);
    private static readonly byte[] V2 = OtaImageBuilderHelper.Image(Key, 2, 0, 0, 2, 3000);
    private static readonly RsaPublicKey PublicKey = OtaVectors.PublicKey();

    [TestMethod]
    public void Update_PowerCutAtEveryWrite_AlwaysBootsAVerifiedImage_ThenFinishesOnV2()
    {
        int writes = CountWrites(UpdateAndConfirm);
        Assert.IsTrue(writes > 10, "the update should take many writes, got " + writes);
        for (int cut = 0; cut < writes; cut++)
        {
            (SimulatedFileStore store, OtaNode node, SimulatedHttpRange http) = Factory();
            store.ResetCounters();
            store.CutPowerAt(cut);
            Assert.ThrowsExactly<PowerCutException>(() => UpdateAndConfirm(node), "write " + cut);
            store.PowerOn();

            // Recover the way a real node would: reboot, keep following orders until v2 is confirmed.
            for (int round = 0; round < 6; round++)
            {
                node.Reboot();
                Assert.AreNotEqual(SlotFiles.None, node.Decision.Slot, $"cut {cut}: nothing bootable");
                Assert.AreEqual(ImageStatus.Ok, node.VerifyRunning(), $"cut {cut}: booted an unverified image ({node.Decision.Action})");
                CollectionAssert.Contains(new[] { "1.0.0", "2.0.0" }, node.RunningVersion);
                if (node.Decision.IsTrial)
                {
                    Assert.IsTrue(node.Updater.Confirm());
                }
                else if (node.RunningVersion == "1.0.0")
                {
                    OtaOutcome outcome = node.Updater.Start(OtaNode.Command(V2), int.MaxValue);
                    Assert.AreEqual(OtaOutcome.Installed, outcome, $"cut {cut}: {string.Join(", ", node.Reporter.Events)}");
                }
                else
                {
                    break;
                }
            }

            Assert.AreEqual("2.0.0", node.RunningVersion, $"cut {cut}");
            Assert.IsFalse(node.Decision.IsTrial, $"cut {cut}");
        }
    }

    [TestMethod]
    public void Revert_PowerCutAtEveryWrite_AlwaysBootsAVerifiedImage_ThenRollsBackToV1()
    {
        int writes = CountWrites(BootUntilReverted, installV2First: true);
        Assert.IsTrue(writes >= 4, "trial boots + revert + report should be several writes, got " + writes);
        for (int cut = 0; cut < writes; cut++)
        {
            (SimulatedFileStore store, OtaNode node, _) = Factory();
            Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(OtaNode.Command(V2), int.MaxValue));
            store.ResetCounters();
            store.CutPowerAt(cut);
            Assert.ThrowsExactly<PowerCutException>(() => BootUntilReverted(node), "write " + cut);
            store.PowerOn();
            for (int round = 0; round < 8; round++)
            {
                node.Reboot();
                Assert.AreEqual(ImageStatus.Ok, node.VerifyRunning(), $"cut {cut}: booted an unverified image");
                if (!node.Decision.IsTrial && node.RunningVersion == "1.0.0")
                {
                    break;
                }
            }

            Assert.AreEqual("1.0.0", node.RunningVersion, $"cut {cut}");
            Assert.IsFalse(node.Decision.IsTrial);
            Assert.IsTrue(node.Reporter.Events.Any(e => e == "rolled_back 2.0.0 health_check_failed"), $"cut {cut}: " + string.Join(", ", node.Reporter.Events));
        }
    }

    [TestMethod]
    public void Revert_WithoutCuts_TakesExactlyNTrialBoots()
    {
        (_, OtaNode node, _) = Factory();
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(OtaNode.Command(V2), int.MaxValue));
        for (int i = 1; i <= node.MaxTrialBoots; i++)
        {
            node.Reboot();
            Assert.IsTrue(node.Decision.IsTrial);
            Assert.AreEqual(1, node.Decision.Row);
            Assert.AreEqual("2.0.0", node.RunningVersion);
        }

        node.Reboot();
        Assert.AreEqual(BootAction.RevertHealthCheckFailed, node.Decision.Action);
        Assert.AreEqual(2, node.Decision.Row);
        Assert.AreEqual("1.0.0", node.RunningVersion);
        CollectionAssert.Contains(node.Reporter.Events, "rolled_back 2.0.0 health_check_failed");
        node.Reboot();
        Assert.AreEqual(BootAction.BootConfirmed, node.Decision.Action);
        Assert.AreEqual(1, node.Reporter.Events.Count(e => e.StartsWith("rolled_back", StringComparison.Ordinal)), "reported once");
    }

    [TestMethod]
    public void TrialImageCorruptedOnFlash_RevertsWithItsStatus()
    {
        (SimulatedFileStore store, OtaNode node, _) = Factory();
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(OtaNode.Command(V2), int.MaxValue));
        store.Corrupt(SlotFiles.Image(1), 700, 0x10);
        node.Reboot();
        Assert.AreEqual(BootAction.RevertTrialInvalid, node.Decision.Action);
        Assert.AreEqual("1.0.0", node.RunningVersion);
        CollectionAssert.Contains(node.Reporter.Events, "rolled_back 2.0.0 trial_hash_mismatch");
    }

    [TestMethod]
    public void Confirm_RaisesTheFloor_SoTheOldImageIsADowngrade()
    {
        (_, OtaNode node, SimulatedHttpRange http) = Factory();
        UpdateAndConfirm(node);
        node.Reboot();
        Assert.AreEqual("2.0.0", node.RunningVersion);
        http.Serve(V1);
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(OtaNode.Command(V1), int.MaxValue));
        Assert.AreEqual("rejected 1.0.0 downgrade", node.Reporter.Events[^1]);
    }

    [TestMethod]
    public void LostState_AdoptsTheNewerVerifiedSlot()
    {
        (SimulatedFileStore store, OtaNode node, _) = Factory();
        UpdateAndConfirm(node);
        store.Delete(SlotFiles.State);
        node.Reboot();
        Assert.AreEqual(BootAction.AdoptNewer, node.Decision.Action);
        Assert.AreEqual("2.0.0", node.RunningVersion);
    }

    private static void UpdateAndConfirm(OtaNode node)
    {
        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(OtaNode.Command(V2), int.MaxValue));
        node.Reboot();
        Assert.IsTrue(node.Decision.IsTrial);
        Assert.IsTrue(node.Updater.Confirm());
        node.Reboot();
    }

    private static void BootUntilReverted(OtaNode node)
    {
        for (int i = 0; i <= node.MaxTrialBoots; i++)
        {
            node.Reboot();
        }
    }

    private static int CountWrites(Action<OtaNode> scenario, bool installV2First = false)
    {
        (SimulatedFileStore store, OtaNode node, _) = Factory();
        if (installV2First)
        {
            Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(OtaNode.Command(V2), int.MaxValue));
        }

        store.ResetCounters();
        scenario(node);
        return store.WriteCount;
    }

    private static (SimulatedFileStore, OtaNode, SimulatedHttpRange) Factory()
    {
        var store = new SimulatedFileStore();
        OtaNode.Install(store, 0, V1);
        var http = new SimulatedHttpRange(V2);
        var node = new OtaNode(store, http, PublicKey);
        Assert.AreEqual(BootAction.AdoptA, node.Decision.Action);
        Assert.AreEqual("1.0.0", node.RunningVersion);
        return (store, node, http);
    }
}
