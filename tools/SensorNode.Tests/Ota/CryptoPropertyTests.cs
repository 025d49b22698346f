using System;
using System.Security.Cryptography;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>The core's SHA-256 and RSA-PSS against .NET's implementations on random inputs.</summary>
[TestClass]
public sealed class CryptoPropertyTests
{
    [TestMethod]
    public void Sha256_RandomMessagesInRandomChunks_EqualsDotNet()
    {
        Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[1, 200]).Sample((data, chunk) =>
        {
            var sha = new Sha256();
            for (int i = 0; i < data.Length; i += chunk)
            {
                sha.Update(data, i, Math.Min(chunk, data.Length - i));
            }

            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            CollectionAssert.AreEqual(SHA256.HashData(data), digest);
        }, iter: 500, threads: 1);
    }

    [DataRow(2048)]
    [DataRow(3072)]
    [TestMethod]
    public void RsaPss_DotNetSignatures_VerifyAndMutationsAreRejected(int bits)
    {
        for (int k = 0; k < 3; k++)
        {
            using RSA rsa = RSA.Create(bits);
            byte[] modulus = rsa.ExportParameters(false).Modulus!;
            var verifier = new RsaPssVerifier(new RsaPublicKey(modulus));
            Gen.Select(Gen.Byte.Array[0, 200], Gen.Int[0, bits / 8 - 1], Gen.Byte[1, 255]).Sample((message, position, mask) =>
            {
                byte[] hash = SHA256.HashData(message);
                byte[] signature = rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                Assert.IsTrue(verifier.Verify(hash, 0, signature, 0, signature.Length), "valid .NET signature rejected");

                byte[] badSignature = (byte[])signature.Clone();
                badSignature[position] ^= mask;
                Assert.IsFalse(verifier.Verify(hash, 0, badSignature, 0, badSignature.Length), "mutated signature accepted");

                byte[] badHash = (byte[])hash.Clone();
                badHash[position % 32] ^= mask;
                Assert.IsFalse(verifier.Verify(badHash, 0, signature, 0, signature.Length), "signature accepted for another message");
            }, iter: 20, threads: 1);
        }
    }

    [TestMethod]
    public void RsaPss_OtherSaltLengthsAndPkcs1_AreRejected()
    {
        using RSA rsa = RSA.Create(3072);
        var verifier = new RsaPssVerifier(new RsaPublicKey(rsa.ExportParameters(false).Modulus!));
        byte[] hash = SHA256.HashData("payload"u8);
        byte[] pkcs1 = rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.IsFalse(verifier.Verify(hash, 0, pkcs1, 0, pkcs1.Length));

        // A PSS signature with a 20-byte salt, made with the raw private operation.
        byte[] em = PssEncode(hash, 20, rsa.KeySize);
        byte[] salt20 = RawSign(rsa, em);
        Assert.IsFalse(verifier.Verify(hash, 0, salt20, 0, salt20.Length));
        byte[] em32 = PssEncode(hash, 32, rsa.KeySize);
        byte[] salt32 = RawSign(rsa, em32);
        Assert.IsTrue(verifier.Verify(hash, 0, salt32, 0, salt32.Length), "the hand-made encoding with a 32-byte salt is the reference case");
    }

    [TestMethod]
    public void RsaPublicKey_UnusableModuli_AreInvalid()
    {
        Assert.IsFalse(new RsaPublicKey(new byte[384]).IsValid);
        byte[] even = new byte[384];
        even[0] = 0x80;
        Assert.IsFalse(new RsaPublicKey(even).IsValid);
        byte[] shortTop = new byte[384];
        shortTop[0] = 0x40;
        shortTop[383] = 1;
        Assert.IsFalse(new RsaPublicKey(shortTop).IsValid);
        var verifier = new RsaPssVerifier(new RsaPublicKey(shortTop));
        Assert.IsFalse(verifier.Verify(new byte[32], 0, new byte[384], 0, 384));
    }

    // EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with a chosen salt length, to build signatures .NET cannot make.
    private static byte[] PssEncode(byte[] mHash, int saltLength, int modBits)
    {
        int emLen = (modBits - 1 + 7) / 8;
        byte[] salt = RandomNumberGenerator.GetBytes(saltLength);
        byte[] mPrime = new byte[8 + 32 + saltLength];
        mHash.CopyTo(mPrime, 8);
        salt.CopyTo(mPrime, 40);
        byte[] h = SHA256.HashData(mPrime);
        int dbLen = emLen - 33;
        byte[] db = new byte[dbLen];
        db[dbLen - saltLength - 1] = 1;
        salt.CopyTo(db, dbLen - saltLength);
        for (int counter = 0, done = 0; done < dbLen; counter++)
        {
            byte[] block = SHA256.HashData([.. h, (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter]);
            for (int i = 0; i < 32 && done < dbLen; i++)
            {
                db[done++] ^= block[i];
            }
        }

        db[0] &= 0x7F;
        byte[] em = new byte[emLen];
        db.CopyTo(em, 0);
        h.CopyTo(em, dbLen);
        em[emLen - 1] = 0xBC;
        return em;
    }

    private static byte[] RawSign(RSA rsa, byte[] em)
    {
        RSAParameters p = rsa.ExportParameters(true);
        var n = new System.Numerics.BigInteger(p.Modulus, isUnsigned: true, isBigEndian: true);
        var d = new System.Numerics.BigInteger(p.D, isUnsigned: true, isBigEndian: true);
        var m = new System.Numerics.BigInteger(em, isUnsigned: true, isBigEndian: true);
        byte[] s = System.Numerics.BigInteger.ModPow(m, d, n).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] padded = new byte[p.Modulus!.Length];
        s.CopyTo(padded, padded.Length - s.Length);
        return padded;
    }
}
