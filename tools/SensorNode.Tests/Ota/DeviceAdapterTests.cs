using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Device.Network;
using SensorNode.Ota.Device;

namespace SensorNode.Tests.Ota;

/// <summary>
/// The device's OTA adapters (firmware/SensorNode.Ota.Device, firmware/SensorNode.Device/Network/NetHttpRange.cs) compiled for .NET, whose File.Move and
/// HttpWebRequest have the same contracts as nanoFramework's: LittleFsFileStore over a temporary
/// directory and NetHttpRange against the local Range server, driving a whole update.
/// </summary>
[TestClass]
public sealed class DeviceAdapterTests
{
    private string _dir = null!;

    [TestInitialize]
    public void CreateDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "sn-ota-dev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void LittleFsFileStore_FollowsTheStoreContract()
    {
        var store = new LittleFsFileStore(_dir + Path.DirectorySeparatorChar);
        byte[] buffer = new byte[16];
        Assert.AreEqual(-1, store.Length("a.bin"));
        Assert.AreEqual(0, store.Read("a.bin", 0, buffer, 0, 16));
        store.Append("a.bin", new byte[] { 1, 2, 3 }, 0, 3);
        store.Append("a.bin", new byte[] { 4, 5 }, 0, 2);
        Assert.AreEqual(5, store.Length("a.bin"));
        Assert.AreEqual(2, store.Read("a.bin", 3, buffer, 0, 16));
        Assert.AreEqual(4, buffer[0]);
        store.Replace("a.bin", new byte[] { 9 }, 0, 1);
        store.Replace("a.bin", new byte[] { 7, 7 }, 0, 2);
        Assert.AreEqual(2, store.Length("a.bin"));
        store.Replace("b.bin", new byte[] { 1 }, 0, 1);
        store.Rename("a.bin", "b.bin");
        Assert.AreEqual(-1, store.Length("a.bin"));
        Assert.AreEqual(2, store.Length("b.bin"));
        store.Delete("b.bin");
        store.Delete("b.bin");
        Assert.AreEqual(-1, store.Length("b.bin"));
        Assert.IsFalse(Directory.GetFiles(_dir).Any(), "no temporary files left");
    }

    [DataRow(true, DisplayName = "cut after the old file was deleted")]
    [DataRow(false, DisplayName = "cut before the old file was deleted")]
    [TestMethod]
    public void LittleFsFileStore_InterruptedReplace_ShowsTheNewFile(bool oldDeleted)
    {
        var store = new LittleFsFileStore(_dir + Path.DirectorySeparatorChar);
        store.Replace("state.bin", new byte[] { 1 }, 0, 1);

        // Power was cut inside Replace after "state.bin.new" became complete.
        File.WriteAllBytes(Path.Combine(_dir, "state.bin.new"), new byte[] { 2, 2 });
        if (oldDeleted)
        {
            File.Delete(Path.Combine(_dir, "state.bin"));
        }

        byte[] buffer = new byte[4];
        Assert.AreEqual(2, store.Read("state.bin", 0, buffer, 0, 4));
        Assert.AreEqual(2, buffer[0]);
        Assert.IsFalse(File.Exists(Path.Combine(_dir, "state.bin.new")));
    }

    [TestMethod]
    public void LittleFsFileStore_TornTemporary_IsIgnored()
    {
        var store = new LittleFsFileStore(_dir + Path.DirectorySeparatorChar);
        store.Replace("state.bin", new byte[] { 1 }, 0, 1);
        File.WriteAllBytes(Path.Combine(_dir, "state.bin.tmp"), new byte[] { 9 });
        Assert.AreEqual(1, store.Length("state.bin"));
        store.Replace("state.bin", new byte[] { 3, 3, 3 }, 0, 3);
        Assert.AreEqual(3, store.Length("state.bin"));
    }

    [TestMethod]
    public void NetHttpRange_AndLittleFsFileStore_UpdateANode_ResumingAfterADrop()
    {
        using RSA key = OtaVectors.PrivateKey();
        byte[] v1 = OtaImageBuilderHelper.Image(key, 1, 0, 0, 1, 3000);
        byte[] v2 = OtaImageBuilderHelper.Image(key, 2, 0, 0, 2, 30000);
        var store = new LittleFsFileStore(_dir + Path.DirectorySeparatorChar);
        OtaNode.Install(store, 0, v1);
        using var server = new RangeHttpServer();
        server.Serve("v2.snimg", v2);
        server.DropNextAfter(10000);
        var http = new NetHttpRange(60_000);
        int configured = 0;
        http.Configure = request =>
        {
            // The device sets TLS here (HttpsImageRequests.Apply); every request, first and resumed, passes through.
            configured++;
            request.UserAgent = "sensornode";
        };
        var node = new OtaNode(store, http, OtaVectors.PublicKey(), chunkBytes: 1024);
        Assert.AreEqual("1.0.0", node.RunningVersion);

        Assert.AreEqual(OtaOutcome.Installed, node.Updater.Start(OtaNode.Command(v2, server.Url("v2.snimg")), int.MaxValue), string.Join(", ", node.Reporter.Events));
        Assert.IsTrue(server.Offsets.Skip(1).Any(o => o > 0), "resumed with Range: " + string.Join(",", server.Offsets));
        Assert.AreEqual(server.Offsets.Count, configured);
        node.Reboot();
        Assert.AreEqual("2.0.0", node.RunningVersion);
        Assert.IsTrue(node.Updater.Confirm());

        byte[] v3 = OtaImageBuilderHelper.Image(key, 3, 0, 0, 3, 1000);
        Assert.AreEqual(OtaOutcome.Rejected, node.Updater.Start(OtaNode.Command(v3, server.Url("missing.snimg")), int.MaxValue));
        Assert.AreEqual("rejected 3.0.0 not_found", node.Reporter.Events[^1]);
    }
}
