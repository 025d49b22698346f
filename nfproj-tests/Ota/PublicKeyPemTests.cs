using nanoFramework.TestFramework;
using SensorNode.Core.Ota;

namespace NFUnitTest.Ota
{
    /// <summary>Vectors of docs/spec/ota-image.md §8.5 (docs/spec/vectors/ota/), embedded as text.</summary>
    [TestClass]
    public class PublicKeyPemTests
    {
        private const string TestSpki =
                "-----BEGIN PUBLIC KEY-----\n" +
                "MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEAt0WPHozlc44xCWGfvJ9G\n" +
                "7TZBG06NTC+zc2DV2zgiJ+zgz/Xxr8gkQCSEdJi6IWnS75YcJZRVo6q1Z+b30nwk\n" +
                "whq5Hn7aF763OV+RmoZaCN2U9f5XScZYLD84iOc6zOaIulczlkA5I+3s5iijKdb3\n" +
                "BJdlfe0QlREwbeuiQ9hbkeNqjz6HEE8xoJ9Vcy9vdshMxbdvFnX58f9IaQJ1ezlk\n" +
                "+S0L+II9KRJmLBnUCsO21uRDfmCjfTjZ+DZ3tMMP55NZHMyWs4mLbPqEu7mbZayX\n" +
                "KGFWIGhHVWmXkxUlH7G3ojYapySkORR2lqI9N7x8mDuBN3jJBFTdwXNrsLydZMWd\n" +
                "3lhS1K5eFYEfTd1+vTcmKKwmDXPo8AKAmG5HR/ygkC2fgzVSCRiz324NyOUCzU0Y\n" +
                "t9BmfwFFqYDcguPjBIevab0QLCqrlohO9fSXYuj1/RT3iECwSSYM85BI4MqxF7UO\n" +
                "Dc2WOwMEaOPJ64r0Ji6EqHy6b9I+87fRM1xMz+VP1+TZAgMBAAE=\n" +
                "-----END PUBLIC KEY-----\n";

        private const string TestPkcs1 =
                "-----BEGIN RSA PUBLIC KEY-----\n" +
                "MIIBigKCAYEAt0WPHozlc44xCWGfvJ9G7TZBG06NTC+zc2DV2zgiJ+zgz/Xxr8gk\n" +
                "QCSEdJi6IWnS75YcJZRVo6q1Z+b30nwkwhq5Hn7aF763OV+RmoZaCN2U9f5XScZY\n" +
                "LD84iOc6zOaIulczlkA5I+3s5iijKdb3BJdlfe0QlREwbeuiQ9hbkeNqjz6HEE8x\n" +
                "oJ9Vcy9vdshMxbdvFnX58f9IaQJ1ezlk+S0L+II9KRJmLBnUCsO21uRDfmCjfTjZ\n" +
                "+DZ3tMMP55NZHMyWs4mLbPqEu7mbZayXKGFWIGhHVWmXkxUlH7G3ojYapySkORR2\n" +
                "lqI9N7x8mDuBN3jJBFTdwXNrsLydZMWd3lhS1K5eFYEfTd1+vTcmKKwmDXPo8AKA\n" +
                "mG5HR/ygkC2fgzVSCRiz324NyOUCzU0Yt9BmfwFFqYDcguPjBIevab0QLCqrlohO\n" +
                "9fSXYuj1/RT3iECwSSYM85BI4MqxF7UODc2WOwMEaOPJ64r0Ji6EqHy6b9I+87fR\n" +
                "M1xMz+VP1+TZAgMBAAE=\n" +
                "-----END RSA PUBLIC KEY-----\n";

        private const string Rsa3072E3 =
                "-----BEGIN PUBLIC KEY-----\n" +
                "MIIBoDANBgkqhkiG9w0BAQEFAAOCAY0AMIIBiAKCAYEAlSyje6HZOPkpT2F17lV0\n" +
                "lKnR/zQufvHSiRAMlR6ech9DAJKHcjtejH9NOsybT3MJQmSvTNABinj4syHnk3ej\n" +
                "Fo9rAImhXyBQLpVl3noSUJ2aE9B0c85u3ag8DkynGpX/vEQLMjwtbVYt4S0yqoTc\n" +
                "RIO1oldRE5bpittNBY9vVccc2jLdOYy3H4b40Obj2KlEoDjc9txzD7EKhZwCdvDK\n" +
                "G6EKtZK4vbXofnQpk892vQEhjFxsATXUXhkAvln0eTlhKIWHRlomgPFAwLtWe78r\n" +
                "cM7mjOySWe+TmypA3mKi0lOY/yBL0ZEMVcRZslMo2dJvwYA0VD2MTt/+GPmo7dvo\n" +
                "KNREvOWWmjolhH4oO3vK0hvOWh1831GpWcTHSxm018IU9G7ytTg5Nxgm3PCqhO/J\n" +
                "Ks37SXNesN6UqrYzdLqNFd1HAsiPYH2Fv6SejZnq01Y6I7tb3N3N+uoN+Y1s5b2v\n" +
                "KaVCoQq+AulNqREwbUQsnLlQUhjkrELFFXdXUujUscbNAgED\n" +
                "-----END PUBLIC KEY-----\n";

        [TestMethod]
        public void TestKey_BothEncodings_GiveTheSameModulus()
        {
            byte[] spki = Check(TestSpki, PublicKeyStatus.Ok);
            byte[] pkcs1 = Check(TestPkcs1, PublicKeyStatus.Ok);
            Assert.AreEqual(384, spki.Length);
            Assert.AreEqual("b7458f1e", Hex.Format(Slice(spki, 0)));
            Assert.AreEqual("4fd7e4d9", Hex.Format(Slice(spki, 380)));
            Assert.AreEqual(Hex.Format(spki), Hex.Format(pkcs1));
        }

        [TestMethod]
        public void ExponentThree_IsRefused()
        {
            Check(Rsa3072E3, PublicKeyStatus.WrongExponent);
        }

        [TestMethod]
        public void Damaged_AreRefusedWithTheirStatus()
        {
            Check(TestSpki.Substring(0, TestSpki.Length - 25), PublicKeyStatus.MissingEnd);
            Check("-----BEGIN PUBLIC KEY-----\n*AAA\n-----END PUBLIC KEY-----\n", PublicKeyStatus.BadBase64);
            Check("-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n", PublicKeyStatus.BadDer);
            Check("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", PublicKeyStatus.WrongLabel);
            Check("no pem here", PublicKeyStatus.NotPem);
        }

        private static byte[] Check(string pem, PublicKeyStatus expected)
        {
            byte[] bytes = Hex.Ascii(pem);
            byte[] modulus;
            Assert.AreEqual((int)expected, (int)PublicKeyPem.Parse(bytes, bytes.Length, out modulus));
            return modulus;
        }

        private static byte[] Slice(byte[] data, int offset)
        {
            return new byte[] { data[offset], data[offset + 1], data[offset + 2], data[offset + 3] };
        }
    }
}
