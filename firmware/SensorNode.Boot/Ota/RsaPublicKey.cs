namespace SensorNode.Core.Ota
{
    /// <summary>
    /// An RSA public key with e = 65537 (the only exponent the OTA format allows, docs/spec/ota-image.md §4),
    /// prepared for Montgomery arithmetic. Moduli must be a whole number of 32-bit limbs with the top bit
    /// set (2048, 3072, 4096 bits); anything else leaves <see cref="IsValid"/> false.
    /// </summary>
    public sealed class RsaPublicKey
    {
        /// <summary>Modulus length of OTA signing keys, in bits.</summary>
        public const int OtaModulusBits = 3072;

        /// <summary>Prepares a key from its modulus as an unsigned big-endian byte string (leading zero bytes allowed).</summary>
        public RsaPublicKey(byte[] modulusBigEndian)
        {
            int start = 0;
            while (start < modulusBigEndian.Length && modulusBigEndian[start] == 0)
            {
                start++;
            }

            int length = modulusBigEndian.Length - start;
            if (length < 64 || (length & 3) != 0 || (modulusBigEndian[start] & 0x80) == 0 || (modulusBigEndian[modulusBigEndian.Length - 1] & 1) == 0)
            {
                Modulus = new uint[0];
                return;
            }

            int limbs = length / 4;
            Modulus = new uint[limbs];
            BigEndian.ToLimbs(modulusBigEndian, start, length, Modulus);
            Arithmetic = new Montgomery(Modulus);
            RSquared = new uint[limbs];
            Arithmetic.ComputeRSquared(RSquared);
            IsValid = true;
        }

        /// <summary>False when the modulus is not usable (see the class summary).</summary>
        public bool IsValid { get; private set; }

        /// <summary>Modulus bytes (= signature length).</summary>
        public int ModulusBytes
        {
            get { return Modulus.Length * 4; }
        }

        /// <summary>Modulus limbs, least significant first.</summary>
        public uint[] Modulus { get; private set; }

        /// <summary>R² mod n.</summary>
        public uint[] RSquared { get; private set; }

        /// <summary>Montgomery arithmetic modulo this key's modulus.</summary>
        public Montgomery Arithmetic { get; private set; }
    }
}
