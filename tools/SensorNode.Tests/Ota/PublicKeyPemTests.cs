using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Ota;

/// <summary>The core's PEM public-key reader (docs/spec/ota-image.md §8) on the named vectors, on .NET's own keys, and on damaged input.</summary>
[TestClass]
public sealed class PublicKeyPemTests
{
    private const string TestModulusSha256 = "5856bf7026b59e7572934047a225fd5c3e6f6f242478bdfb662ef4898ccf92a1";

    [DataRow("test-public.pem", PublicKeyStatus.Ok)]
    [DataRow("keys/test-public-pkcs1.pem", PublicKeyStatus.Ok)]
    [DataRow("keys/rsa2048-public.pem", PublicKeyStatus.WrongModulusSize)]
    [DataRow("keys/rsa3072-e3-public.pem", PublicKeyStatus.WrongExponent)]
    [DataRow("keys/ec-p256-public.pem", PublicKeyStatus.NotRsa)]
    [DataRow("test-private.pem", PublicKeyStatus.WrongLabel)]
    [TestMethod]
    public void NamedVectors_HaveTheirSpecStatus(string name, PublicKeyStatus expected)
    {
        byte[] pem = File.ReadAllBytes(Repo.Path("docs", "spec", "vectors", "ota", name));
        Assert.AreEqual(expected, PublicKeyPem.Parse(pem, pem.Length, out byte[]? modulus));
        if (expected == PublicKeyStatus.Ok)
        {
            Assert.AreEqual(TestModulusSha256, Convert.ToHexStringLower(SHA256.HashData(modulus!)));
        }
        else
        {
            Assert.IsNull(modulus);
        }
    }

    [TestMethod]
    public void TestKey_MatchesTheModulusCompiledIntoTheFirmware()
    {
        byte[] pem = File.ReadAllBytes(Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem"));
        Assert.AreEqual(PublicKeyStatus.Ok, PublicKeyPem.Parse(pem, pem.Length, out byte[]? modulus));
        string source = File.ReadAllText(Repo.Path("firmware", "SensorNode.Ota.Device", "OtaPublicKey.cs"));
        StringAssert.Contains(source, TestModulusSha256);
    }

    [TestMethod]
    public void DotNetKeys_InBothEncodings_GiveDotNetsModulus()
    {
        for (int k = 0; k < 4; k++)
        {
            using RSA rsa = RSA.Create(3072);
            byte[] expected = rsa.ExportParameters(false).Modulus!;
            foreach (string pem in new[] { rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportRSAPublicKeyPem() })
            {
                byte[] bytes = Encoding.ASCII.GetBytes("comment line\n" + pem + "\ntrailer");
                Assert.AreEqual(PublicKeyStatus.Ok, PublicKeyPem.Parse(bytes, bytes.Length, out byte[]? modulus), pem);
                CollectionAssert.AreEqual(expected, modulus);
            }
        }
    }

    [TestMethod]
    public void DamagedVectors_FromTheSpecTable()
    {
        string good = File.ReadAllText(Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem"));
        Assert.AreEqual(PublicKeyStatus.MissingEnd, Parse(good.Replace("-----END PUBLIC KEY-----", string.Empty)));
        Assert.AreEqual(PublicKeyStatus.MissingEnd, Parse(good.Replace("-----END PUBLIC KEY-----", "-----END RSA PUBLIC KEY-----")));
        int body = good.IndexOf('\n') + 5;
        Assert.AreEqual(PublicKeyStatus.BadBase64, Parse(good.Remove(body, 1).Insert(body, "*")));

        byte[] der = Der(good);
        Assert.AreEqual(0xA2, der[3]);
        der[3] = 0xA3;
        Assert.AreEqual(PublicKeyStatus.BadDer, Parse(Pem("PUBLIC KEY", der)));
    }

    [DataRow("", PublicKeyStatus.BadLength)]
    [DataRow("MIIBojANBgkqhkiG9w0BAQEFAAOCAY8A", PublicKeyStatus.NotPem)]
    [DataRow("-----BEGIN PUBLIC KEY", PublicKeyStatus.NotPem)]
    [DataRow("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", PublicKeyStatus.WrongLabel)]
    [DataRow("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----", PublicKeyStatus.BadBase64)]
    [DataRow("-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----", PublicKeyStatus.BadBase64)]
    [DataRow("-----BEGIN PUBLIC KEY-----\nA===\n-----END PUBLIC KEY-----", PublicKeyStatus.BadBase64)]
    [DataRow("-----BEGIN PUBLIC KEY-----\nAA==AAAA\n-----END PUBLIC KEY-----", PublicKeyStatus.BadBase64)]
    [DataRow("-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----", PublicKeyStatus.BadDer)]
    [TestMethod]
    public void SmallInputs(string text, PublicKeyStatus expected)
    {
        Assert.AreEqual(expected, Parse(text));
    }

    [TestMethod]
    public void OverLongFile_IsBadLength()
    {
        byte[] big = new byte[PublicKeyPem.MaxPemBytes + 1];
        Assert.AreEqual(PublicKeyStatus.BadLength, PublicKeyPem.Parse(big, big.Length, out _));
    }

    [TestMethod]
    public void DerMutations_NeverThrow_AndOnlyAcceptTheSameModulusOrReject()
    {
        string good = File.ReadAllText(Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem"));
        byte[] der = Der(good);
        PublicKeyPem.Parse(Encoding.ASCII.GetBytes(good), good.Length, out byte[]? original);
        Gen.Select(Gen.Int[0, der.Length - 1], Gen.Byte[1, 255], Gen.Int[0, der.Length - 1]).Sample((position, mask, cut) =>
        {
            byte[] mutated = (byte[])der.Clone();
            mutated[position] ^= mask;
            foreach (byte[] candidate in new[] { mutated, der[..cut] })
            {
                PublicKeyStatus status = Parse(Pem("PUBLIC KEY", candidate), out byte[]? modulus);
                if (status == PublicKeyStatus.Ok)
                {
                    // Only a flipped modulus byte (still odd, top bit set) can read as another valid key.
                    Assert.IsTrue(position >= 33 && position < 33 + 384, "accepted a mutation at " + position);
                    CollectionAssert.AreNotEqual(original, modulus);
                }
            }
        }, iter: 3000, threads: 1);
    }

    [TestMethod]
    public void KeyChoice_ProvisionedFileWins_BrokenFileFallsBackToTheBuildsKey_WithItsStatus()
    {
        byte[] builtIn = new byte[384];
        builtIn[0] = 0xC1;
        builtIn[383] = 0x01;
        var store = new SimulatedFileStore();
        using RSA rsa = RSA.Create(3072);
        byte[] pem = Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());
        store.Replace("ota.3.pem", pem, 0, pem.Length);
        byte[] cert = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        store.Replace("cert.3.pem", cert, 0, cert.Length);

        OtaKeyChoice none = OtaKeyChoice.Choose(store, string.Empty, builtIn);
        Assert.IsFalse(none.IsProvisioned);
        Assert.AreEqual(PublicKeyStatus.Ok, none.FileStatus);
        Assert.AreEqual(0xC1000000u, none.Key.Modulus[^1] & 0xFF000000u);

        OtaKeyChoice provisioned = OtaKeyChoice.Choose(store, "ota.3.pem", builtIn);
        Assert.IsTrue(provisioned.IsProvisioned);
        Assert.IsTrue(provisioned.Key.IsValid);
        Assert.AreEqual(rsa.ExportParameters(false).Modulus![0], (byte)(provisioned.Key.Modulus[^1] >> 24));

        OtaKeyChoice wrong = OtaKeyChoice.Choose(store, "cert.3.pem", builtIn);
        Assert.IsFalse(wrong.IsProvisioned);
        Assert.AreEqual(PublicKeyStatus.WrongLabel, wrong.FileStatus);

        OtaKeyChoice missing = OtaKeyChoice.Choose(store, "ota.9.pem", builtIn);
        Assert.IsFalse(missing.IsProvisioned);
        Assert.AreEqual(PublicKeyStatus.BadLength, missing.FileStatus);
    }

    [TestMethod]
    public void ImageSignedWithAProvisionedKey_VerifiesWithTheChoice_AndNotWithTheBuildsKey()
    {
        using RSA fleet = RSA.Create(3072);
        var store = new SimulatedFileStore();
        byte[] pem = Encoding.ASCII.GetBytes(fleet.ExportSubjectPublicKeyInfoPem());
        store.Replace("ota.2.pem", pem, 0, pem.Length);
        byte[] image = OtaImageBuilderHelper.Image(fleet, 1, 0, 0, 1, 2000);
        store.Replace("img", image, 0, image.Length);
        using RSA test = OtaVectors.PrivateKey();
        byte[] testModulus = test.ExportParameters(false).Modulus!;

        var provisioned = OtaKeyChoice.Choose(store, "ota.2.pem", testModulus);
        var builtIn = OtaKeyChoice.Choose(store, string.Empty, testModulus);

        Assert.AreEqual(ImageStatus.Ok, new ImageVerifier(store, provisioned.Key, 1024).Verify("img", OtaVectors.Policy()));
        Assert.AreEqual(ImageStatus.SignatureInvalid, new ImageVerifier(store, builtIn.Key, 1024).Verify("img", OtaVectors.Policy()));
    }

    private static PublicKeyStatus Parse(string text) => Parse(text, out _);

    private static PublicKeyStatus Parse(string text, out byte[]? modulus)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        return PublicKeyPem.Parse(bytes, bytes.Length, out modulus);
    }

    private static byte[] Der(string pem) =>
        Convert.FromBase64String(pem.Replace("-----BEGIN PUBLIC KEY-----", string.Empty).Replace("-----END PUBLIC KEY-----", string.Empty));

    private static string Pem(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n";
}
