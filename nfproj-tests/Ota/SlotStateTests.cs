using nanoFramework.TestFramework;
using SensorNode.Core.Ota;

namespace NFUnitTest.Ota
{
    [TestClass]
    public class SlotStateTests
    {
        [TestMethod]
        public void Crc32_CheckValue()
        {
            byte[] data = Hex.Ascii("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void EncodeDecode_RoundTripsEveryField()
        {
            var s = new SlotState
            {
                Sequence = 41, ConfirmedSlot = 1, TrialSlot = 0, TrialBoots = 2, MaxTrialBoots = 5, SecurityFloor = 77,
                TrialSecurityCounter = 78, TrialMajor = 3, TrialMinor = 4, TrialPatch = 5,
                Rollback = RollbackReason.TrialImageInvalid, RollbackStatus = ImageStatus.HashMismatch,
                RollbackMajor = 9, RollbackMinor = 8, RollbackPatch = 7,
            };
            byte[] b = new byte[SlotState.Length];
            s.Encode(b);
            var d = new SlotState();
            Assert.IsTrue(d.Decode(b, b.Length));
            Assert.AreEqual(41u, d.Sequence);
            Assert.AreEqual(1, d.ConfirmedSlot);
            Assert.AreEqual(0, d.TrialSlot);
            Assert.AreEqual(2, d.TrialBoots);
            Assert.AreEqual(5, d.MaxTrialBoots);
            Assert.AreEqual(77, d.SecurityFloor);
            Assert.AreEqual(78, d.TrialSecurityCounter);
            Assert.AreEqual(5, d.TrialPatch);
            Assert.AreEqual((int)RollbackReason.TrialImageInvalid, (int)d.Rollback);
            Assert.AreEqual((int)ImageStatus.HashMismatch, (int)d.RollbackStatus);
            Assert.AreEqual(7, d.RollbackPatch);
        }

        [TestMethod]
        public void Decode_AnyFlippedBit_IsRejected()
        {
            byte[] b = new byte[SlotState.Length];
            new SlotState { ConfirmedSlot = 0 }.Encode(b);
            var d = new SlotState();
            for (int i = 0; i < b.Length * 8; i++)
            {
                b[i / 8] ^= (byte)(1 << (i % 8));
                Assert.IsFalse(d.Decode(b, b.Length), "bit " + i);
                b[i / 8] ^= (byte)(1 << (i % 8));
            }

            Assert.IsTrue(d.Decode(b, b.Length));
        }

        [TestMethod]
        public void Decode_EveryShorterLength_IsRejected()
        {
            byte[] b = new byte[SlotState.Length];
            new SlotState { ConfirmedSlot = 1 }.Encode(b);
            var d = new SlotState();
            for (int n = 0; n < b.Length; n++)
            {
                Assert.IsFalse(d.Decode(b, n), "length " + n);
            }
        }

        [TestMethod]
        public void Decode_TrialEqualsConfirmed_IsRejected()
        {
            byte[] b = new byte[SlotState.Length];
            new SlotState { ConfirmedSlot = 1, TrialSlot = 1 }.Encode(b);
            Assert.IsFalse(new SlotState().Decode(b, b.Length));
        }
    }
}
