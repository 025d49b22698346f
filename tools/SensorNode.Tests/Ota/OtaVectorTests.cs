using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Host.Storage;

namespace SensorNode.Tests.Ota;

/// <summary>The named vectors of docs/spec/ota-image.md §7 against the core's verifier.</summary>
[TestClass]
public sealed class OtaVectorTests
{
    [ClassInitialize]
    public static void RegenerateWhenAsked(TestContext _)
    {
        if (Environment.GetEnvironmentVariable("SENSORNODE_REGENERATE_VECTORS") == "1")
        {
            OtaVectors.Regenerate();
            foreach (string file in Directory.GetFiles(OtaVectors.SourceDirectory))
            {
                File.Copy(file, Path.Combine(OtaVectors.Directory, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    [DataRow("minimal.snimg", ImageStatus.Ok)]
    [DataRow("two-files.snimg", ImageStatus.Ok)]
    [DataRow("wrong-board.snimg", ImageStatus.WrongBoard)]
    [DataRow("incompatible.snimg", ImageStatus.IncompatibleFirmware)]
    [DataRow("tampered-payload.snimg", ImageStatus.HashMismatch)]
    [DataRow("tampered-header.snimg", ImageStatus.SignatureInvalid)]
    [TestMethod]
    public void Vector_HasItsNamedStatus(string name, ImageStatus expected)
    {
        var verifier = new ImageVerifier(new DirectoryFileStore(OtaVectors.Directory), OtaVectors.PublicKey(), 1024);
        Assert.AreEqual(expected, verifier.Verify(name, OtaVectors.Policy()));
    }

    [TestMethod]
    public void Minimal_WithAnotherKey_IsSignatureInvalid()
    {
        var verifier = new ImageVerifier(new DirectoryFileStore(OtaVectors.Directory), OtaVectors.OtherPublicKey(), 1024);
        Assert.AreEqual(ImageStatus.SignatureInvalid, verifier.Verify("minimal.snimg", OtaVectors.Policy()));
    }

    [TestMethod]
    public void Minimal_AboveItsCounter_IsDowngrade()
    {
        var verifier = new ImageVerifier(new DirectoryFileStore(OtaVectors.Directory), OtaVectors.PublicKey(), 1024);
        Assert.AreEqual(ImageStatus.Downgrade, verifier.Verify("minimal.snimg", OtaVectors.Policy(floor: 2)));
        Assert.AreEqual(ImageStatus.Ok, verifier.Verify("minimal.snimg", OtaVectors.Policy(floor: 1)));
    }

    [TestMethod]
    public void Vectors_SignedParts_MatchTheirDescription()
    {
        foreach ((string name, byte[] signed, _) in OtaVectors.SignedParts())
        {
            byte[] committed = OtaVectors.Read(name);
            Assert.AreEqual(signed.Length + ImageFormat.SignatureLength, committed.Length, name);
            CollectionAssert.AreEqual(signed, committed.AsSpan(0, signed.Length).ToArray(), name);
        }
    }

    [TestMethod]
    public void NanoTestCopyOfMinimal_EqualsTheCommittedVector()
    {
        string source = File.ReadAllText(Repo.Path("nfproj-tests", "Ota", "ImageVerifierVectorTests.cs"));
        string block = source[source.IndexOf("Minimal = \"\"", StringComparison.Ordinal)..];
        block = block[..block.IndexOf(';')];
        string hex = string.Concat(System.Text.RegularExpressions.Regex.Matches(block, "\"([0-9a-f]+)\"").Select(m => m.Groups[1].Value));
        Assert.AreEqual(Convert.ToHexStringLower(OtaVectors.Read("minimal.snimg")), hex);
    }

    [TestMethod]
    public void MinimalJson_IsWhatInfoPrints()
    {
        var output = new StringWriter();
        int rc = SensorNode.Cli.Program.Run(new[] { "ota", "info", "--input", Path.Combine(OtaVectors.Directory, "minimal.snimg"), "--json" }, output, new StringWriter());
        Assert.AreEqual(0, rc);
        Assert.AreEqual(File.ReadAllText(Path.Combine(OtaVectors.Directory, "minimal.json")).Trim(), output.ToString().Trim());
    }
}
