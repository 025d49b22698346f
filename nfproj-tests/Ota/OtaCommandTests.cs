using nanoFramework.TestFramework;
using SensorNode.Core.Ota;

namespace NFUnitTest.Ota
{
    [TestClass]
    public class OtaCommandTests
    {
        private const string Sha = "794198d03a0da143e2f3f13aa6ae71693ed093388d5e198cb343f11c7aaacc66";

        [TestMethod]
        public void TryCreate_ValidOrder_RoundTripsThroughTheDownloadRecord()
        {
            OtaCommand cmd;
            string reason;
            Assert.IsTrue(OtaCommand.TryCreate("https://updates.example/app-1.2.3.snimg", "1.2.3", Sha, out cmd, out reason));
            cmd.TargetSlot = 1;
            byte[] b = new byte[OtaCommand.MaxRecordLength];
            int n = cmd.Encode(b);
            OtaCommand back = OtaCommand.Decode(b, n);
            Assert.IsNotNull(back);
            Assert.AreEqual("https://updates.example/app-1.2.3.snimg", back.Url);
            Assert.AreEqual("1.2.3", back.Version);
            Assert.AreEqual(1, back.TargetSlot);
            Assert.AreEqual(Sha, Hex.Format(back.Sha256));
            b[10] ^= 1;
            Assert.IsNull(OtaCommand.Decode(b, n));
        }

        [DataRow("ftp://x/app.snimg", "1.0.0", Sha, "bad_url")]
        [DataRow("http://x/a b", "1.0.0", Sha, "bad_url")]
        [DataRow("http://x/app", "1.0", Sha, "bad_version")]
        [DataRow("http://x/app", "1.02.3", Sha, "bad_version")]
        [DataRow("http://x/app", "1.0.65536", Sha, "bad_version")]
        [DataRow("http://x/app", "1.0.0", "abc", "bad_sha256")]
        [DataRow("http://x/app", "1.0.0", "zz4198d03a0da143e2f3f13aa6ae71693ed093388d5e198cb343f11c7aaacc66", "bad_sha256")]
        public void TryCreate_MalformedField_IsRefusedWithItsReason(string url, string version, string sha, string expected)
        {
            OtaCommand cmd;
            string reason;
            Assert.IsFalse(OtaCommand.TryCreate(url, version, sha, out cmd, out reason));
            Assert.AreEqual(expected, reason);
        }
    }
}
