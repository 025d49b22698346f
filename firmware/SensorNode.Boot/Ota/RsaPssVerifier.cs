namespace SensorNode.Core.Ota
{
    /// <summary>
    /// RSASSA-PSS-VERIFY (RFC 8017 §8.1.2, EMSA-PSS-VERIFY §9.1.2) with SHA-256, MGF1-SHA-256 and a
    /// 32-byte salt, e = 65537 (docs/spec/ota-image.md §4). Buffers are allocated in the constructor;
    /// <see cref="Verify"/> allocates nothing.
    /// </summary>
    public sealed class RsaPssVerifier
    {
        /// <summary>Salt length the OTA format requires, in bytes.</summary>
        public const int SaltLength = 32;

        private const int HashLength = Sha256.HashLength;

        private readonly RsaPublicKey _key;
        private readonly Montgomery _mont;
        private readonly uint[] _s;
        private readonly uint[] _x;
        private readonly uint[] _y;
        private readonly uint[] _one;
        private readonly byte[] _em;
        private readonly byte[] _hash = new byte[HashLength];
        private readonly byte[] _counter = new byte[4];
        private readonly byte[] _zeros = new byte[8];
        private readonly Sha256 _sha = new Sha256();

        /// <summary>Creates a verifier for one key.</summary>
        public RsaPssVerifier(RsaPublicKey key)
        {
            _key = key;
            _mont = key.Arithmetic;
            int limbs = key.Modulus.Length;
            _s = new uint[limbs];
            _x = new uint[limbs];
            _y = new uint[limbs];
            _one = new uint[limbs];
            if (limbs > 0)
            {
                _one[0] = 1;
            }

            _em = new byte[4 * limbs];
        }

        /// <summary>Signature length in bytes for this key.</summary>
        public int SignatureLength
        {
            get { return _key.ModulusBytes; }
        }

        /// <summary>
        /// True when <paramref name="signature"/> (big-endian, <see cref="SignatureLength"/> bytes at
        /// <paramref name="offset"/>) is a valid PSS signature of the message whose SHA-256 is <paramref name="messageHash"/>.
        /// </summary>
        public bool Verify(byte[] messageHash, int hashOffset, byte[] signature, int offset, int length)
        {
            if (!_key.IsValid || length != _key.ModulusBytes || offset < 0 || offset + length > signature.Length)
            {
                return false;
            }

            int limbs = _s.Length;
            BigEndian.ToLimbs(signature, offset, length, _s);
            if (!Montgomery.Less(_s, _key.Modulus, limbs))
            {
                return false; // RSAVP1: s must be below n
            }

            // m = s^65537 mod n: enter the Montgomery domain, square 16 times, multiply once, leave.
            _mont.Multiply(_s, _key.RSquared, _x);
            for (int i = 0; i < limbs; i++)
            {
                _y[i] = _x[i];
            }

            for (int i = 0; i < 16; i++)
            {
                _mont.Multiply(_y, _y, _y);
            }

            _mont.Multiply(_y, _x, _y);
            _mont.Multiply(_y, _one, _y);
            BigEndian.FromLimbs(_y, _em, 0);
            return CheckEncoding(messageHash, hashOffset);
        }

        // EMSA-PSS-VERIFY with emBits = modBits − 1 = 32L − 1, so emLen = 4L and exactly one
        // leftmost bit of EM must be zero.
        private bool CheckEncoding(byte[] messageHash, int hashOffset)
        {
            byte[] em = _em;
            int emLength = em.Length;
            if (em[emLength - 1] != 0xBC || (em[0] & 0x80) != 0 || emLength < HashLength + SaltLength + 2)
            {
                return false;
            }

            int dbLength = emLength - HashLength - 1;
            int hOffset = dbLength;

            // DB = maskedDB XOR MGF1(H, dbLength), done in place block by block.
            int done = 0;
            uint counter = 0;
            while (done < dbLength)
            {
                _counter[0] = (byte)(counter >> 24);
                _counter[1] = (byte)(counter >> 16);
                _counter[2] = (byte)(counter >> 8);
                _counter[3] = (byte)counter;
                _sha.Update(em, hOffset, HashLength);
                _sha.Update(_counter, 0, 4);
                _sha.Finish(_hash, 0);
                for (int i = 0; i < HashLength && done < dbLength; i++)
                {
                    em[done++] ^= _hash[i];
                }

                counter++;
            }

            em[0] &= 0x7F;
            int padEnd = dbLength - SaltLength - 1;
            byte nonZero = 0;
            for (int i = 0; i < padEnd; i++)
            {
                nonZero |= em[i];
            }

            if (nonZero != 0 || em[padEnd] != 0x01)
            {
                return false;
            }

            // H' = SHA-256(0x00 × 8 || mHash || salt)
            _sha.Update(_zeros, 0, 8);
            _sha.Update(messageHash, hashOffset, HashLength);
            _sha.Update(em, dbLength - SaltLength, SaltLength);
            _sha.Finish(_hash, 0);
            int diff = 0;
            for (int i = 0; i < HashLength; i++)
            {
                diff |= _hash[i] ^ em[hOffset + i];
            }

            return diff == 0;
        }
    }
}
