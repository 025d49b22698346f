using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace NFUnitTest.Provisioning
{
    [TestClass]
    public class ConfigBlobTests
    {
        private static int Encode(NodeConfig c, byte[] blob)
        {
            FileSet files = new FileSet();
            files.Lengths[0] = 700;
            files.Crcs[0] = 0x12345678;
            return ConfigBlob.Encode(c, files, blob);
        }

        private static NodeConfig WithCa()
        {
            NodeConfig c = Examples.Config("blob-node");
            c.CaCertificateFile = "ca.3.pem";
            c.ConfigVersion = 3;
            return c;
        }

        [TestMethod]
        public void RoundTrip_EveryFieldAndFileReference_Survive()
        {
            NodeConfig c = WithCa();
            byte[] blob = new byte[ConfigBlob.MaxBytes];
            int n = Encode(c, blob);
            NodeConfig back = new NodeConfig();
            FileSet files = new FileSet();
            Assert.AreEqual((int)BlobStatus.Ok, (int)ConfigBlob.Decode(blob, n, back, files, new char[256], new ConfigProblem()));
            Assert.IsTrue(ConfigFields.AllEqual(c, back));
            Assert.AreEqual(700, files.Lengths[0]);
            Assert.AreEqual(0x12345678u, files.Crcs[0]);
            Assert.AreEqual("s3cret-pass", back.MqttPassword);
        }

        [TestMethod]
        public void Decode_TruncatedAtEveryLength_IsNeverOk()
        {
            byte[] blob = new byte[ConfigBlob.MaxBytes];
            int n = Encode(WithCa(), blob);
            for (int cut = 0; cut < n; cut++)
            {
                BlobStatus s = ConfigBlob.Decode(blob, cut, new NodeConfig(), new FileSet(), new char[256], new ConfigProblem());
                Assert.AreNotEqual((int)BlobStatus.Ok, (int)s);
            }
        }

        [TestMethod]
        public void Decode_AnyByteCorrupted_IsNeverOk()
        {
            byte[] blob = new byte[ConfigBlob.MaxBytes];
            int n = Encode(WithCa(), blob);
            for (int i = 0; i < n; i++)
            {
                if (i == 5)
                {
                    continue; // reserved byte: ignored by design (config-blob.md §2)
                }

                blob[i] ^= 0x10;
                BlobStatus s = ConfigBlob.Decode(blob, n, new NodeConfig(), new FileSet(), new char[256], new ConfigProblem());
                blob[i] ^= 0x10;
                Assert.AreNotEqual((int)BlobStatus.Ok, (int)s);
            }
        }

        [TestMethod]
        public void Decode_NamedMalformations_ReturnExactStatus()
        {
            byte[] blob = new byte[ConfigBlob.MaxBytes];
            int n = Encode(WithCa(), blob);
            char[] chars = new char[256];
            blob[0] = (byte)'X';
            Assert.AreEqual((int)BlobStatus.BadMagic, (int)ConfigBlob.Decode(blob, n, new NodeConfig(), new FileSet(), chars, new ConfigProblem()));
            blob[0] = (byte)'S';
            blob[4] = 2;
            Assert.AreEqual((int)BlobStatus.UnsupportedVersion, (int)ConfigBlob.Decode(blob, n, new NodeConfig(), new FileSet(), chars, new ConfigProblem()));
            blob[4] = 1;
            Assert.AreEqual((int)BlobStatus.BadLength, (int)ConfigBlob.Decode(blob, n - 1, new NodeConfig(), new FileSet(), chars, new ConfigProblem()));
            blob[n - 1] ^= 1;
            Assert.AreEqual((int)BlobStatus.BadCrc, (int)ConfigBlob.Decode(blob, n, new NodeConfig(), new FileSet(), chars, new ConfigProblem()));
            Assert.AreEqual((int)BlobStatus.TooShort, (int)ConfigBlob.Decode(blob, 15, new NodeConfig(), new FileSet(), chars, new ConfigProblem()));
        }

        [TestMethod]
        public void Decode_ValidBlobOfInvalidConfig_ReturnsInvalidConfig()
        {
            NodeConfig c = WithCa();
            c.CaCertificateFile = string.Empty; // useTls without a CA
            byte[] blob = new byte[ConfigBlob.MaxBytes];
            int n = ConfigBlob.Encode(c, new FileSet(), blob);
            Assert.AreEqual((int)BlobStatus.InvalidConfig, (int)ConfigBlob.Decode(blob, n, new NodeConfig(), new FileSet(), new char[256], new ConfigProblem()));
        }
    }
}
