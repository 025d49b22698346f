namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Reads an OTA signing public key from PEM text, as `sensornode ota keygen` writes it and `sensornode
    /// provision --ota-pubkey` stores it (docs/spec/ota-image.md §8): "PUBLIC KEY" (X.509
    /// SubjectPublicKeyInfo) or "RSA PUBLIC KEY" (PKCS #1). Never throws; the status names what is wrong.
    /// Allocates (boot and provisioning time only).
    /// </summary>
    public static class PublicKeyPem
    {
        /// <summary>Longest PEM file accepted, in bytes.</summary>
        public const int MaxPemBytes = 4096;

        /// <summary>Modulus length of an OTA key, in bytes.</summary>
        public const int ModulusBytes = RsaPublicKey.OtaModulusBits / 8;

        private static readonly byte[] Begin = Ascii("-----BEGIN ");
        private static readonly byte[] End = Ascii("-----END ");
        private static readonly byte[] Dashes = Ascii("-----");
        private static readonly byte[] SpkiLabel = Ascii("PUBLIC KEY");
        private static readonly byte[] Pkcs1Label = Ascii("RSA PUBLIC KEY");

        // DER of OBJECT IDENTIFIER 1.2.840.113549.1.1.1 (rsaEncryption), content only.
        private static readonly byte[] RsaEncryptionOid = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01 };
        private static readonly byte[] DerNull = { DerReader.Null, 0x00 };
        private static readonly byte[] Exponent65537 = { 0x01, 0x00, 0x01 };

        /// <summary>
        /// Parses pem[0, length); on <see cref="PublicKeyStatus.Ok"/> <paramref name="modulus"/> holds the
        /// modulus, unsigned big-endian, <see cref="ModulusBytes"/> long (else null).
        /// </summary>
        public static PublicKeyStatus Parse(byte[] pem, int length, out byte[] modulus)
        {
            modulus = null;
            if (pem == null || length <= 0 || length > MaxPemBytes || length > pem.Length)
            {
                return PublicKeyStatus.BadLength;
            }

            int begin = IndexOf(pem, 0, length, Begin);
            if (begin < 0)
            {
                return PublicKeyStatus.NotPem;
            }

            int labelStart = begin + Begin.Length;
            int labelEnd = IndexOf(pem, labelStart, length, Dashes);
            if (labelEnd < 0)
            {
                return PublicKeyStatus.NotPem;
            }

            bool spki = Equal(pem, labelStart, labelEnd, SpkiLabel);
            if (!spki && !Equal(pem, labelStart, labelEnd, Pkcs1Label))
            {
                return PublicKeyStatus.WrongLabel;
            }

            int bodyStart = labelEnd + Dashes.Length;
            int endLine = IndexOf(pem, bodyStart, length, End);
            if (endLine < 0 || !EndMatches(pem, endLine + End.Length, length, labelStart, labelEnd))
            {
                return PublicKeyStatus.MissingEnd;
            }

            byte[] der = new byte[Base64.MaxDecodedLength(endLine - bodyStart)];
            int derLength = Base64.Decode(pem, bodyStart, endLine - bodyStart, der);
            if (derLength <= 0)
            {
                return PublicKeyStatus.BadBase64;
            }

            return spki ? ParseSpki(der, derLength, out modulus) : ParsePkcs1(der, 0, derLength, out modulus);
        }

        // SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { OID rsaEncryption, NULL }, BIT STRING { 0x00, RSAPublicKey } }
        private static PublicKeyStatus ParseSpki(byte[] der, int derLength, out byte[] modulus)
        {
            modulus = null;
            DerReader r = new DerReader(der, 0, derLength);
            int length;
            if (!r.Enter(DerReader.Sequence, out length) || r.Position + length != derLength)
            {
                return PublicKeyStatus.BadDer;
            }

            if (!r.Enter(DerReader.Sequence, out length))
            {
                return PublicKeyStatus.BadDer;
            }

            int algorithmEnd = r.Position + length;
            int oidLength;
            if (!r.Enter(DerReader.ObjectId, out oidLength))
            {
                return PublicKeyStatus.BadDer;
            }

            if (oidLength != RsaEncryptionOid.Length || !r.Match(RsaEncryptionOid))
            {
                return PublicKeyStatus.NotRsa;
            }

            // The parameters are NULL for rsaEncryption (RFC 3279 §2.3.1); absent parameters are tolerated.
            if (r.Position != algorithmEnd && (!r.Match(DerNull) || r.Position != algorithmEnd))
            {
                return PublicKeyStatus.BadDer;
            }

            if (!r.Enter(DerReader.BitString, out length) || r.Position + length != derLength || length < 1 || der[r.Position] != 0)
            {
                return PublicKeyStatus.BadDer;
            }

            return ParsePkcs1(der, r.Position + 1, derLength, out modulus);
        }

        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, filling der[offset, end) exactly.
        private static PublicKeyStatus ParsePkcs1(byte[] der, int offset, int end, out byte[] modulus)
        {
            modulus = null;
            DerReader r = new DerReader(der, offset, end);
            int length;
            if (!r.Enter(DerReader.Sequence, out length) || r.Position + length != end)
            {
                return PublicKeyStatus.BadDer;
            }

            int nLength;
            if (!r.Enter(DerReader.Integer, out nLength) || nLength == 0)
            {
                return PublicKeyStatus.BadDer;
            }

            int nStart = r.Position;
            r.Skip(nLength);
            int eLength;
            if (!r.Enter(DerReader.Integer, out eLength) || eLength == 0 || r.Position + eLength != end)
            {
                return PublicKeyStatus.BadDer;
            }

            // A DER INTEGER is two's complement and minimal: a modulus with its top bit set carries one 0x00.
            if ((der[nStart] & 0x80) != 0 || (nLength > 1 && der[nStart] == 0 && (der[nStart + 1] & 0x80) == 0))
            {
                return PublicKeyStatus.BadDer;
            }

            if (eLength != Exponent65537.Length || !r.Match(Exponent65537))
            {
                return PublicKeyStatus.WrongExponent;
            }

            if (der[nStart] == 0)
            {
                nStart++;
                nLength--;
            }

            if (nLength != ModulusBytes || (der[nStart + nLength - 1] & 1) == 0)
            {
                return PublicKeyStatus.WrongModulusSize;
            }

            modulus = new byte[ModulusBytes];
            for (int i = 0; i < ModulusBytes; i++)
            {
                modulus[i] = der[nStart + i];
            }

            return PublicKeyStatus.Ok;
        }

        // "-----END " is followed by the BEGIN line's label and "-----".
        private static bool EndMatches(byte[] pem, int at, int length, int labelStart, int labelEnd)
        {
            int labelLength = labelEnd - labelStart;
            if (at + labelLength + Dashes.Length > length)
            {
                return false;
            }

            for (int i = 0; i < labelLength; i++)
            {
                if (pem[at + i] != pem[labelStart + i])
                {
                    return false;
                }
            }

            return IndexOf(pem, at + labelLength, at + labelLength + Dashes.Length, Dashes) == at + labelLength;
        }

        private static bool Equal(byte[] data, int start, int end, byte[] expected)
        {
            if (end - start != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (data[start + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int IndexOf(byte[] data, int from, int end, byte[] pattern)
        {
            for (int i = from; i + pattern.Length <= end; i++)
            {
                int j = 0;
                while (j < pattern.Length && data[i + j] == pattern[j])
                {
                    j++;
                }

                if (j == pattern.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
