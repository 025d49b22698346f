using nanoFramework.TestFramework;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Ota
{
    /// <summary>docs/spec/ota-slots.md §5.1, vector refused-signature-invalid.bin (embedded as hex).</summary>
    [TestClass]
    public class RefusedOrderTests
    {
        private const string VectorHex = "534e444c01002400202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f05312e322e33000000000000000000000000000000000000687474703a2f2f757064617465732e6c6f63616c2f6170702d312e322e332e736e696d67fd973ac407be624658";

        [TestMethod]
        public void Vector_EncodesAndMatches()
        {
            OtaCommand order = Order("1.2.3");
            byte[] b = new byte[RefusedOrder.MaxLength];
            int n = RefusedOrder.Encode(order, RefusedOrder.CodeOf("signature_invalid"), b);
            byte[] encoded = new byte[n];
            System.Array.Copy(b, encoded, n);
            Assert.AreEqual(VectorHex, Hex.Format(encoded));

            SimulatedFileStore store = new SimulatedFileStore();
            byte[] vector = Hex.Parse(VectorHex);
            store.Replace(RefusedOrder.FileName, vector, 0, vector.Length);
            string reason;
            Assert.IsTrue(new RefusedOrder(store).Matches(order, out reason));
            Assert.AreEqual("signature_invalid", reason);
            Assert.IsFalse(new RefusedOrder(store).Matches(Order("1.2.4"), out reason));
        }

        [TestMethod]
        public void NotFound_IsNotRemembered()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            new RefusedOrder(store).Remember(Order("1.2.3"), "not_found");
            string reason;
            Assert.IsFalse(new RefusedOrder(store).Matches(Order("1.2.3"), out reason));
        }

        private static OtaCommand Order(string version)
        {
            OtaCommand order;
            string reason;
            Assert.IsTrue(OtaCommand.TryCreate("http://updates.local/app-1.2.3.snimg", version, "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f", out order, out reason));
            order.TargetSlot = 1;
            return order;
        }
    }
}
