using nanoFramework.TestFramework;
using SensorNode.Core.Ota;

namespace NFUnitTest.Ota
{
    /// <summary>
    /// Published RSA-PSS vectors: Project Wycheproof (github.com/C2SP/wycheproof, commit 2f387d2),
    /// testvectors/rsa_pss_3072_sha256_mgf1_32_test.json — RSA-3072, SHA-256, MGF1-SHA-256, sLen 32,
    /// e = 65537: exactly the OTA scheme. tcId 1 and 3 are "valid"; tcId 62 is "invalid"
    /// ("first byte of m_hash modified").
    /// </summary>
    [TestClass]
    public class WycheproofRsaPssTests
    {
        private const string Modulus =
            "c6fe23792566023c265287c5ac6f71541c0994d11d059ee6403986efa21c24b51bd91d8862f9df79a4e328e3e27c83df260b25a9b43420affc44b51e8d7525b6f29c372a405104732007527a62ed82fac73f4892a80e09682a41a58cd347017f3be7d801334f92d9321aafd53b51bffabfc752cfccae0b1ee03bdaff9e428cc1c117f1ac96b4fe23f8c23e6381186a66fd59289339ae55c4bcdadbff84abdaa532240d4e1d28b2d0481dadd3b246557ca8fe18092817730b39e6ee378ffcc85b19ffdc916a9b991a6b66d4a9c7bab5f5e7a3722101142e7a4108c15d573b15289e07e46eaea07b42c2abcba330e99554b4656165bb4c0db2b6393a07eca575c51a93c4e15bdb0f747909447e3efe34c67ca8954b530e56a20a1b6d84d45ed1bcd3aa58ec06f184ee5857aaa819e1cca9a26f4e28d6b977d33916db9896d252d1afa762e287cb0d384cc75bfe53f4e922d02dd0a481c042e2d306b4b3c189371e575b25e0005a164cf69dd0976e4d5be476806ea6be6084e71ab4f5ac5c1b1203";

        private const string Sig1 =
            "b520065682633ba54c9b713b2ef19cdc1fcf275ba1744c2350da7307a20971cc30eefa37d1667d23d20001a674f0e00df4f9b9e1d5fe7eb85cc45cab5dd625759de83017995c93d48b126df03aa74ef87daea0c1652dd370ad5d663598a383cac217a208b22c7cf0e448cc7ae0555f892ccb8ded6894cfb0c328cb542be0485d860ca77203081f3b04c6f55c5689b1a66b1c24819a4a7ea55f32e00f61accf4b411bb320a96c990173b63ccd74e7da7df5ceaf33a39a8acb89a845a594b164ec6e22cce940eb06f2d487a8bc4574451878c2bbf57d241f76586e0703bf5f86bee832d05b75fabaed6accadfc1ec2cd6e619dbb29b65d6e6f5e118ad52d82a955d21005ecd63fb382f32bb8e2e1e57220b345cd6422bdd84a91495d0ab5775b08139edee960dab1b4ffd9ea5b27398b58e6e35211c3581501e99bf5e3f17fd79381528d28a4927e28082f45bfa9519f98ea663dc84c50317adf0bd5da98b01459011cec61800534dd5afc5a567c19e4a400f06dee74112083b5322615c144ce3b";

        private const string Sig3 =
            "22915cfa1d7dd30f50b4c0e4cee42c5f0aa1b7a6644f8a11e611b2db042b122af8211ffc1dc220b435d8919cf64d715b54ff8a762f702b365cbdab455509b97d9b310011467d4186647b957e2efa404aed3b84840529bdef7746348385a1c6a2ecdb88d1cc2b40b36c346386739c39d2815938e463a35348426f17d32d633b873d6124d8b49a726743af7c0e56d63394155b63089c63ed8897f8af2a2260d33499afab11c911faa754ced5acdac2de571f39c2768716e4308244a99d1e65da7061d2feb8ec8b4e517bd5e19cac626698479ab2019257cf83ad7b641db2345b38006d63f84b41772b90037778389cc30ed6aba6af212d9326792af746d7bca9211fa344fdc2798a490aed3a2840620c2a85e3d9b9c38f2330072663e16dd26bc414c7d68f6b11d2cd3e0387c1834c5e2262a9e2dc1bf7c0108b4e2052566c7a941ef6b38c8687fd7abe6add2b745c2c2d680ae3e5646ce2e717ef9899c7f3fb1e3088e8c0587d86546f752771819595a7a3d422820ceaa12e3ee671a456dac673";

        private const string Sig62 =
            "730a26b2c3fc2df474212c04fcb346b3b78a58c611351871ac1c5262867ce19a6f553880d68ba4c35827610b72bb044162b083fe9ffa7a82e2366090464821946f2ce1a8ea19b12c10c0e42a52ff805851c226748a9d65d7cb2057c9ee0beddd8ca02ae1bc36ced39925d2429d531c2e607bfbf0648708ef4f7d816c8839cc8c62036ac37e811f94a943198acf6e19c66cd829bde9dec9969eb4724e2d4ddc4f8c2bb2527007ddbaf2975937ece7f1779db28c610503e7ebbf0b03459a1f4794136842b57d04f14e22b98ef37939c64d08fb242cca548b7bb2c2d8b1df6bb8b0b7f6f38e47226e9fc0a4723c2a518ebdc5c4c8f15db74fe958bb567e55f092d3dc8af0128b353e2d273d574433c22cca579c479005b52c715eff1ef4eca8d82d2f6d7cc972fe0e75f19eeea3b77ea7fe26b1d29cedbfa7ef0737e4aa50a567b5fb417e356fa8034a72a53c5d1c0cd467808df6faeba89dddeaeb09c3ce7937450b41e7c1d4403b3033d3531adc24e9f5fe35d877a3e36fd3702289e69b460b97";

        [TestMethod]
        public void TcId1_EmptyMessage_IsValid()
        {
            Assert.IsTrue(Verify("", Sig1));
        }

        [TestMethod]
        public void TcId3_Test_IsValid()
        {
            Assert.IsTrue(Verify("54657374", Sig3));
        }

        [TestMethod]
        public void TcId62_ModifiedMHash_IsInvalid()
        {
            Assert.IsFalse(Verify("313233343030", Sig62));
        }

        [TestMethod]
        public void TcId3_SignatureOfAnotherMessage_IsInvalid()
        {
            Assert.IsFalse(Verify("54657375", Sig3));
        }

        [TestMethod]
        public void ModulusAsSignature_IsRejected()
        {
            // s must be below n (RFC 8017 §5.2.2).
            Assert.IsFalse(Verify("", Modulus));
        }

        private static bool Verify(string messageHex, string signatureHex)
        {
            var key = new RsaPublicKey(Hex.Parse(Modulus));
            Assert.IsTrue(key.IsValid);
            var verifier = new RsaPssVerifier(key);
            byte[] message = Hex.Parse(messageHex);
            byte[] hash = new byte[32];
            var sha = new Sha256();
            sha.Update(message, 0, message.Length);
            sha.Finish(hash, 0);
            byte[] signature = Hex.Parse(signatureHex);
            return verifier.Verify(hash, 0, signature, 0, signature.Length);
        }
    }
}
