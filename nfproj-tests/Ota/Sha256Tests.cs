using nanoFramework.TestFramework;
using SensorNode.Core.Ota;

namespace NFUnitTest.Ota
{
    /// <summary>NIST FIPS 180-4 example vectors (csrc.nist.gov "SHA256.pdf", "SHA2_Additional.pdf").</summary>
    [TestClass]
    public class Sha256Tests
    {
        [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [DataRow("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [DataRow("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        public void Hash_NistExamples(string message, string expectedHex)
        {
            byte[] data = Hex.Ascii(message);
            byte[] digest = new byte[32];
            var sha = new Sha256();
            sha.Update(data, 0, data.Length);
            sha.Finish(digest, 0);
            Assert.AreEqual(expectedHex, Hex.Format(digest));
        }

        [TestMethod]
        public void Hash_OneMillionA_InOddChunks()
        {
            byte[] chunk = new byte[997];
            for (int i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (byte)'a';
            }

            var sha = new Sha256();
            int left = 1000000;
            while (left > 0)
            {
                int n = left < chunk.Length ? left : chunk.Length;
                sha.Update(chunk, 0, n);
                left -= n;
            }

            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            Assert.AreEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex.Format(digest));
        }

        [TestMethod]
        public void Hash_ByteByByte_EqualsOneCall()
        {
            byte[] data = Hex.Ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
            var sha = new Sha256();
            for (int i = 0; i < data.Length; i++)
            {
                sha.UpdateByte(data[i]);
            }

            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            Assert.AreEqual("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Hex.Format(digest));
        }

        [TestMethod]
        public void Finish_ResetsForTheNextMessage()
        {
            byte[] abc = Hex.Ascii("abc");
            var sha = new Sha256();
            byte[] digest = new byte[32];
            sha.Update(abc, 0, 3);
            sha.Finish(digest, 0);
            sha.Update(abc, 0, 3);
            sha.Finish(digest, 0);
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Format(digest));
        }
    }
}
