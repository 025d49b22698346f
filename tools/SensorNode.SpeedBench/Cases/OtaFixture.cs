using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>The bench image in an in-memory store, its key and policy, shared by the verification cases.</summary>
    internal static class OtaFixture
    {
        /// <summary>docs/spec/vectors/ota/test-public.pem, the key that signed <see cref="BenchImage"/>.</summary>
        public const string PublicPem = "-----BEGIN PUBLIC KEY-----\n"
            + "MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEAt0WPHozlc44xCWGfvJ9G\n"
            + "7TZBG06NTC+zc2DV2zgiJ+zgz/Xxr8gkQCSEdJi6IWnS75YcJZRVo6q1Z+b30nwk\n"
            + "whq5Hn7aF763OV+RmoZaCN2U9f5XScZYLD84iOc6zOaIulczlkA5I+3s5iijKdb3\n"
            + "BJdlfe0QlREwbeuiQ9hbkeNqjz6HEE8xoJ9Vcy9vdshMxbdvFnX58f9IaQJ1ezlk\n"
            + "+S0L+II9KRJmLBnUCsO21uRDfmCjfTjZ+DZ3tMMP55NZHMyWs4mLbPqEu7mbZayX\n"
            + "KGFWIGhHVWmXkxUlH7G3ojYapySkORR2lqI9N7x8mDuBN3jJBFTdwXNrsLydZMWd\n"
            + "3lhS1K5eFYEfTd1+vTcmKKwmDXPo8AKAmG5HR/ygkC2fgzVSCRiz324NyOUCzU0Y\n"
            + "t9BmfwFFqYDcguPjBIevab0QLCqrlohO9fSXYuj1/RT3iECwSSYM85BI4MqxF7UO\n"
            + "Dc2WOwMEaOPJ64r0Ji6EqHy6b9I+87fRM1xMz+VP1+TZAgMBAAE=\n"
            + "-----END PUBLIC KEY-----\n";

        /// <summary>The PEM as bytes (ASCII).</summary>
        public static byte[] PemBytes()
        {
            byte[] bytes = new byte[PublicPem.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)PublicPem[i];
            }

            return bytes;
        }

        /// <summary>The public key, loaded from the PEM.</summary>
        public static RsaPublicKey Key()
        {
            byte[] pem = PemBytes();
            byte[] modulus;
            if (PublicKeyPem.Parse(pem, pem.Length, out modulus) != PublicKeyStatus.Ok)
            {
                return null;
            }

            return new RsaPublicKey(modulus);
        }

        /// <summary>The policy the image was made for: board esp32-devkitc, mscorlib 1.17.11, security floor 0.</summary>
        public static ImagePolicy Policy()
        {
            return new ImagePolicy("esp32-devkitc", new FirmwareAssembly[] { new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0) }, 0);
        }

        /// <summary>A store holding the image as "img".</summary>
        public static SimulatedFileStore Store(byte[] image)
        {
            SimulatedFileStore store = new SimulatedFileStore();
            store.Replace("img", image, 0, image.Length);
            return store;
        }
    }
}
