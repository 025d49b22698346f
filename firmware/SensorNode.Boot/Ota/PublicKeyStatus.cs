namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Result of reading a provisioned OTA public key (docs/spec/ota-image.md §8.3), in validation order.
    /// </summary>
    public enum PublicKeyStatus
    {
        /// <summary>An RSA-3072 key with e = 65537.</summary>
        Ok = 0,

        /// <summary>The file is missing, empty or longer than <see cref="PublicKeyPem.MaxPemBytes"/>.</summary>
        BadLength = 1,

        /// <summary>No "-----BEGIN ...-----" line.</summary>
        NotPem = 2,

        /// <summary>A PEM block, but not "PUBLIC KEY" or "RSA PUBLIC KEY" (e.g. a certificate or a private key).</summary>
        WrongLabel = 3,

        /// <summary>No matching "-----END ...-----" line.</summary>
        MissingEnd = 4,

        /// <summary>The body is not base64 (bad character, bad padding, wrong length).</summary>
        BadBase64 = 5,

        /// <summary>The DER structure is malformed (tag, length, trailing bytes).</summary>
        BadDer = 6,

        /// <summary>The algorithm is not rsaEncryption (1.2.840.113549.1.1.1).</summary>
        NotRsa = 7,

        /// <summary>The public exponent is not 65537.</summary>
        WrongExponent = 8,

        /// <summary>The modulus is not an odd 3072-bit number.</summary>
        WrongModulusSize = 9,
    }
}
