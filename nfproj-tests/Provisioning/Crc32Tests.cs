using SensorNode.Core.Checksums;
using nanoFramework.TestFramework;
using SensorNode.Core.Provisioning;

namespace NFUnitTest.Provisioning
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void Compute_CheckString_IsCatalogueCheckValue()
        {
            byte[] check = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(check, 0, check.Length));
            Assert.AreEqual(Crc32.Check, Crc32.Compute(check, 0, check.Length));
        }

        [TestMethod]
        public void Compute_Empty_IsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void Residue_OfDataPlusCrc_IsCatalogueResidue()
        {
            byte[] b = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0, 0, 0, 0 };
            Wire.WriteU32(b, 9, Crc32.Compute(b, 0, 9));
            Assert.AreEqual(0xDEBB20E3u, Crc32.Update(Crc32.Start, b, 0, b.Length));
        }

        [TestMethod]
        public void Update_InPieces_EqualsWhole()
        {
            byte[] b = new byte[300];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)(i * 31 + 7);
            }

            uint whole = Crc32.Compute(b, 0, b.Length);
            for (int split = 0; split <= b.Length; split += 37)
            {
                uint c = Crc32.Update(Crc32.Start, b, 0, split);
                c = Crc32.Update(c, b, split, b.Length - split);
                Assert.AreEqual(whole, Crc32.Finish(c));
            }
        }
    }
}
