using nanoFramework.TestFramework;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Ota
{
    /// <summary>
    /// The named vector minimal.snimg (docs/spec/ota-image.md §7) checked by the streamed verifier on the
    /// device runtime itself: the image and the test public key are embedded as hex (no file access in tests).
    /// </summary>
    [TestClass]
    public class ImageVerifierVectorTests
    {
        internal const string TestModulus = ""
            + "b7458f1e8ce5738e3109619fbc9f46ed36411b4e8d4c2fb37360d5db382227ece0cff5f1afc8244024847498ba2169d2ef961c259455a3aab567e6f7"
            + "d27c24c21ab91e7eda17beb7395f919a865a08dd94f5fe5749c6582c3f3888e73acce688ba573396403923edece628a329d6f70497657ded10951130"
            + "6deba243d85b91e36a8f3e87104f31a09f55732f6f76c84cc5b76f1675f9f1ff486902757b3964f92d0bf8823d2912662c19d40ac3b6d6e4437e60a3"
            + "7d38d9f83677b4c30fe793591ccc96b3898b6cfa84bbb99b65ac972861562068475569979315251fb1b7a2361aa724a439147696a23d37bc7c983b81"
            + "3778c90454ddc1736bb0bc9d64c59dde5852d4ae5e15811f4ddd7ebd372628ac260d73e8f00280986e4747fca0902d9f8335520918b3df6e0dc8e502"
            + "cd4d18b7d0667f0145a980dc82e3e30487af69bd102c2aab96884ef5f49762e8f5fd14f78840b049260cf39048e0cab117b50e0dcd963b030468e3c9"
            + "eb8af4262e84a87cba6fd23ef3b7d1335c4ccfe54fd7e4d9";

        internal const string Minimal = ""
            + "534e4f49010090000100000000000000010000007c00000058b3e4eb6d6ec43e181eacf5bfdc019edc7adc7eaac3e9f78969e081377a08cf65737033"
            + "322d6465766b6974630000000000000000000000000000000000000001000000000000006d73636f726c696200000000000000000000000000000000"
            + "0000000000000000010011000b0000000000000000000000534e504d010000004170702e50726f6772616d0000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000004170702e7065000000000000000000000000000000000000"
            + "000000000000000010000000000102030405060708090a0b0c0d0e0f6e0fb7faaa0d7d0df7b7c2d44a7ee5ceec19061a1ba2a920fd757724787bcd72"
            + "e3353fa99cc22e681df61eebe9537e5d7e108ac7275abba9c438c136745d6598242b6e5eba2c58cd924936fb70f46a156a2ea29fad18ffb69140c6e2"
            + "0210ae03e3f6099bc44e292e490835215dcc797a3f175cd14fa25ec9190ca6284071f25830822c0210d8e2d7719b90c21f099835277dd89bc3efeaef"
            + "83a34867efadc900c851f416edc3d6e34440f84ee4efd5cc995dd3ab2fc75ab0b10cb69b0939901f2131487351b0669488a7c4be0ed214a0e2384af7"
            + "1be3ae5e442bd9362b1fbf00a4b5e3a28bdac7ace25b1faec1c1bff924a2fabe3571fd4aecc3c486314e94ac816b0373c2b4e76fa122da7351ab2b3e"
            + "2c046de4306137d75369fba542af32df55e6136c264ce356562d947f0684bb92a375c35bb811fd995ae52480bcb4ced622401e613ee8790f788c6ed9"
            + "d8b8f8b3a39b13dea56e1dfe55ec57de4ca05b2b995f7d6dad60d69227ad71555222504badc304bcd59f98ddc2e4c77dafe6d113";

        [TestMethod]
        public void Minimal_IsOk_AndDecodesAsTheSpecSays()
        {
            ImageVerifier v = Verifier(Minimal, 1024);
            Assert.AreEqual((int)ImageStatus.Ok, (int)v.Verify("img", Policy(0)));
            Assert.AreEqual("1.0.0", v.Header.VersionText);
            Assert.AreEqual(1, v.Header.SecurityCounter);
            Assert.AreEqual("esp32-devkitc", v.Header.Board);
            Assert.AreEqual(1, v.Manifest.FileCount);
            Assert.AreEqual("App.pe", v.Manifest.FileNames[0]);
            Assert.AreEqual("App.Program", v.Manifest.EntryType);
        }

        [TestMethod]
        public void Minimal_FlippedPayloadByte_IsHashMismatch()
        {
            byte[] image = Hex.Parse(Minimal);
            image[image.Length - 385] ^= 1;
            Assert.AreEqual((int)ImageStatus.HashMismatch, (int)Verify(image, Policy(0)));
        }

        [TestMethod]
        public void Minimal_FlippedSignatureByte_IsSignatureInvalid()
        {
            byte[] image = Hex.Parse(Minimal);
            image[image.Length - 1] ^= 1;
            Assert.AreEqual((int)ImageStatus.SignatureInvalid, (int)Verify(image, Policy(0)));
        }

        [TestMethod]
        public void Minimal_BelowTheFloor_IsDowngrade_OnAnotherBoard_IsWrongBoard()
        {
            byte[] image = Hex.Parse(Minimal);
            Assert.AreEqual((int)ImageStatus.Downgrade, (int)Verify(image, Policy(2)));
            var other = new ImagePolicy("esp32-s3-box", new FirmwareAssembly[] { new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0) }, 0);
            Assert.AreEqual((int)ImageStatus.WrongBoard, (int)Verify(image, other));
        }

        [TestMethod]
        public void Minimal_EveryTruncation_IsTruncated()
        {
            byte[] image = Hex.Parse(Minimal);
            var store = new SimulatedFileStore();
            var v = new ImageVerifier(store, new RsaPublicKey(Hex.Parse(TestModulus)), 1024);
            for (int n = 0; n < image.Length; n += 7)
            {
                store.Replace("img", image, 0, n);
                Assert.AreEqual((int)ImageStatus.Truncated, (int)v.Verify("img", Policy(0)));
            }
        }

        private static ImagePolicy Policy(int floor)
        {
            return new ImagePolicy("esp32-devkitc", new FirmwareAssembly[] { new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0x1234ABCD) }, floor);
        }

        private static ImageStatus Verify(byte[] image, ImagePolicy policy)
        {
            var store = new SimulatedFileStore();
            store.Replace("img", image, 0, image.Length);
            return new ImageVerifier(store, new RsaPublicKey(Hex.Parse(TestModulus)), 1024).Verify("img", policy);
        }

        private static ImageVerifier Verifier(string hex, int chunk)
        {
            byte[] image = Hex.Parse(hex);
            var store = new SimulatedFileStore();
            store.Replace("img", image, 0, image.Length);
            return new ImageVerifier(store, new RsaPublicKey(Hex.Parse(TestModulus)), chunk);
        }
    }
}
