namespace SensorNode.SpeedBench.Cases
{
    /// <summary>
    /// A signed 100 KB update image for the verification cases: one file App.pe of 102,400 bytes made by
    /// <see cref="Payload"/>, signed with docs/spec/vectors/ota/test-private.pem (`sensornode ota sign
    /// --version 1.0.0 --security-counter 1 --board esp32-devkitc --entry-type App.Program`). Only the
    /// header + manifest (<see cref="Prefix"/>) and the signature (<see cref="Signature"/>) are embedded:
    /// nanoCLR has no file system, and the payload is regenerated identically on both runtimes.
    /// </summary>
    internal static class BenchImage
    {
        /// <summary>Bytes of the App.pe file in the image.</summary>
        public const int PayloadBytes = 102400;

        /// <summary>Header (144 B) and manifest up to the first file byte (108 B), hex.</summary>
        public const string Prefix = ""
            + "534e4f49010090000100000000000000010000006c900100d0388a241030cd6f8f8e546b088388217237950d68f67b97759b9db8459985d665737033"
            + "322d6465766b6974630000000000000000000000000000000000000001000000000000006d73636f726c696200000000000000000000000000000000"
            + "0000000000000000010011000b0000000000000000000000534e504d010000004170702e50726f6772616d0000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000004170702e7065000000000000000000000000000000000000"
            + "000000000000000000900100";

        /// <summary>RSA-3072-PSS signature over everything before it, hex.</summary>
        public const string Signature = ""
            + "51aa314254e33e5992119867851bbb10a477aad161312a017dd9a60a840fda49914a3b85569ec0d5669705a660144a0bcb8041a0d689f0b91a305796"
            + "cb801c95c373a34297d47c87abb30599eb5395ce8ced446c7ff9bc9d029806befc1cea72d5c0738553e51f3575acd03083e25f75573bf2330bbc6047"
            + "3ab204113074d2eab3ff7f673b57942ca6684bd10dc622b06ea2c5a644e3a823e83e7aaf48d0b7cd3da846c862d169100c7af5618e3feb041bc6bfe8"
            + "7110339080fa248cc1bfe2dcdd348413794af85c5b43bb90c28cc56378e211c267f1ca71e23b009a742ee48abde300444e491179da7fef58f5ae2048"
            + "351af71599f1d0e11a5fabb62073c0e87b5d2208a0582096e9813f6ba2677ea99e17c66ea29203496f283fc5e09808a0b2478ccdafd43b73ddb94d41"
            + "a78cec14eb28837359d36027ae3e1814a74a234a38c811ec00583c028f5109ac30db86c7711090832ca4736e97d96084f3160497f3be27284f2ad91c"
            + "5323368abab316a1f69d34e8189c93f8b348e1df7c9580b5";

        /// <summary>The payload: the top byte of each step of the LCG x = x * 1103515245 + 12345 (mod 2^32) from x = 1.</summary>
        public static void Payload(byte[] buffer, int offset)
        {
            uint x = 1;
            for (int i = 0; i < PayloadBytes; i++)
            {
                x = unchecked((x * 1103515245) + 12345);
                buffer[offset + i] = (byte)(x >> 24);
            }
        }

        /// <summary>The whole image: prefix, payload, signature.</summary>
        public static byte[] Build()
        {
            int prefixBytes = Prefix.Length / 2;
            int signatureBytes = Signature.Length / 2;
            byte[] image = new byte[prefixBytes + PayloadBytes + signatureBytes];
            Hex.Decode(Prefix, image, 0);
            Payload(image, prefixBytes);
            Hex.Decode(Signature, image, prefixBytes + PayloadBytes);
            return image;
        }
    }
}
