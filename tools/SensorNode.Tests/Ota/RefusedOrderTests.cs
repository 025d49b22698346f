using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Ota;

/// <summary>The refused-order record (docs/spec/ota-slots.md §5.1) against its independently generated vector, and damaged records.</summary>
[TestClass]
public sealed class RefusedOrderTests
{
    private static readonly byte[] Vector = File.ReadAllBytes(Repo.Path("docs", "spec", "vectors", "ota", "refused-signature-invalid.bin"));

    private static OtaCommand Order(string url = "http://updates.local/app-1.2.3.snimg", string version = "1.2.3")
    {
        byte[] sha = Enumerable.Range(0x20, 32).Select(b => (byte)b).ToArray();
        Assert.IsTrue(OtaCommand.TryCreate(url, version, Convert.ToHexStringLower(sha), out OtaCommand order, out string reason), reason);
        order.TargetSlot = 1;
        return order;
    }

    [TestMethod]
    public void Encode_GivesTheVectorBytes_AndTheVectorMatchesTheOrder()
    {
        byte[] b = new byte[RefusedOrder.MaxLength];
        int n = RefusedOrder.Encode(Order(), RefusedOrder.CodeOf("signature_invalid"), b);
        CollectionAssert.AreEqual(Vector, b[..n]);

        var store = new SimulatedFileStore();
        store.Replace(RefusedOrder.FileName, Vector, 0, Vector.Length);
        var refused = new RefusedOrder(store);
        Assert.IsTrue(refused.Matches(Order(), out string why));
        Assert.AreEqual("signature_invalid", why);
        Assert.IsFalse(refused.Matches(Order(version: "1.2.4"), out _));
        Assert.IsFalse(refused.Matches(Order(url: "http://updates.local/app-1.2.3.snimg?2"), out _));
    }

    [TestMethod]
    public void EveryDamagedByte_OrCut_MeansNothingRemembered()
    {
        var store = new SimulatedFileStore();
        var refused = new RefusedOrder(store);
        for (int i = 0; i < Vector.Length; i++)
        {
            byte[] damaged = (byte[])Vector.Clone();
            damaged[i] ^= 0x01;
            store.Replace(RefusedOrder.FileName, damaged, 0, damaged.Length);
            Assert.IsFalse(refused.Matches(Order(), out _), "byte " + i);
            store.Replace(RefusedOrder.FileName, Vector, 0, i);
            Assert.IsFalse(refused.Matches(Order(), out _), "cut at " + i);
        }
    }

    [DataRow("hash_mismatch", true)]
    [DataRow("signature_invalid", true)]
    [DataRow("wrong_board", true)]
    [DataRow("incompatible_firmware", true)]
    [DataRow("downgrade", true)]
    [DataRow("truncated", true)]
    [DataRow("command_mismatch", true)]
    [DataRow("not_found", false)]
    [DataRow("trial_pending", false)]
    [DataRow("no_slot_state", false)]
    [DataRow("read_failed", false)]
    [DataRow("ok", false)]
    [TestMethod]
    public void OnlyReasonsAboutTheImage_AreRemembered(string reason, bool remembered)
    {
        var store = new SimulatedFileStore();
        new RefusedOrder(store).Remember(Order(), reason);
        Assert.AreEqual(remembered, new RefusedOrder(store).Matches(Order(), out string why));
        Assert.AreEqual(remembered ? reason : null, why);
    }
}
