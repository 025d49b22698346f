using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Ota;

/// <summary>
/// Issue 17 item 8, with the inputs that found it: `ota info --json` printed plain text on an invalid image, and
/// `ota sign` refused a bad --board, an empty .pe or an encrypted key with messages that named no option or file.
/// </summary>
[TestClass]
public sealed class OtaHostileInputTests : TempDirectoryTests
{
    [TestMethod]
    [DataRow("empty", "truncated")]
    [DataRow("random", "bad_magic")]
    [DataRow("cut", "truncated")]
    [DataRow("trailing", "trailing_bytes")]
    [DataRow("manifest", "manifest_invalid")] // valid means header, manifest and lengths (ota-image.md §4)
    public void InfoJson_InvalidImage_PrintsJsonWithTheReason_AndExitsOne(string kind, string reason)
    {
        string image = Image(kind);

        var (code, stdout, stderr) = CliRunner.Run("ota", "info", "--input", image, "--json");

        Assert.AreEqual(1, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.IsFalse(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.AreEqual(reason, doc.RootElement.GetProperty("error").GetString());
        Assert.AreEqual(2, doc.RootElement.EnumerateObject().Count(), "valid and error only");
        Assert.AreEqual(string.Empty, stderr);
    }

    [TestMethod]
    public void InfoJson_ValidImage_SaysValid()
    {
        var (code, stdout, stderr) = CliRunner.Run("ota", "info", "--input", Path.Combine(OtaVectors.Directory, "minimal.snimg"), "--json");

        Assert.AreEqual(0, code, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.IsTrue(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.AreEqual("1.0.0", doc.RootElement.GetProperty("version").GetString());
    }

    [TestMethod]
    public void Info_WithoutJson_InvalidImage_StaysOnePlainLine()
    {
        var (code, stdout, _) = CliRunner.Run("ota", "info", "--input", Image("random"));

        Assert.AreEqual(1, code);
        Assert.AreEqual("invalid: bad_magic", stdout.TrimEnd());
    }

    [TestMethod]
    [DataRow("bad board!", "--board 'bad board!' is not a board name")]
    [DataRow("ESP32", "--board 'ESP32' is not a board name")]
    [DataRow("a-board-name-that-is-much-too-long", "--board 'a-board-name-that-is-much-too-long' is not a board name")]
    public void Sign_BadBoard_NamesTheOptionAndAnExample(string board, string expected)
    {
        var (code, stdout, stderr) = Sign(board: board);

        AssertRefused(code, stdout, stderr, expected);
        StringAssert.Contains(stderr, "e.g. esp32-devkitc-ve");
    }

    [TestMethod]
    public void Sign_EmptyPe_NamesTheFileAndWhatToGive()
    {
        string empty = Path.Combine(Dir, "App.pe");
        File.WriteAllBytes(empty, Array.Empty<byte>());

        var (code, stdout, stderr) = Sign(inputs: new[] { empty });

        AssertRefused(code, stdout, stderr, $"--input {empty}: the file is empty (0 bytes); give the .pe that the nanoFramework build wrote");
    }

    [TestMethod]
    public void Sign_EncryptedPkcs8Key_NamesTheKeyAndHowToDecrypt()
    {
        string key = Path.Combine(Dir, "encrypted.pem");
        using (RSA rsa = RSA.Create(3072))
        {
            File.WriteAllText(key, rsa.ExportEncryptedPkcs8PrivateKeyPem("passphrase", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
        }

        var (code, stdout, stderr) = Sign(key: key);

        AssertRefused(code, stdout, stderr, $"--key {key}: the private key is encrypted with a passphrase");
        StringAssert.Contains(stderr, "openssl pkey -in encrypted.pem");
    }

    [TestMethod]
    public void Sign_EncryptedTraditionalKey_IsRefusedTheSameWay()
    {
        string key = Path.Combine(Dir, "legacy.pem");
        File.WriteAllText(key, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        var (code, stdout, stderr) = Sign(key: key);

        AssertRefused(code, stdout, stderr, $"--key {key}: the private key is encrypted with a passphrase");
    }

    [TestMethod]
    public void Sign_KeyFileWithoutAKey_SaysWhichFileToGive()
    {
        string key = Path.Combine(Dir, "notes.txt");
        File.WriteAllText(key, "not a key\n");

        var (code, stdout, stderr) = Sign(key: key);

        AssertRefused(code, stdout, stderr, $"--key {key} holds no RSA key in PEM form; give the ota-private.pem that 'sensornode ota keygen' wrote");
    }

    [TestMethod]
    [DataRow("App.exe", "the file name must end in .pe")]
    [DataRow("App Two.pe", "the file name must end in .pe")]
    public void Sign_BadFileName_NamesTheFile(string name, string expected)
    {
        string pe = Path.Combine(Dir, name);
        File.WriteAllBytes(pe, new byte[10]);

        var (code, stdout, stderr) = Sign(inputs: new[] { pe });

        AssertRefused(code, stdout, stderr, $"--input {pe}: {expected}");
    }

    [TestMethod]
    public void Sign_SameFileNameTwice_NamesTheSecond()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "a"));
        Directory.CreateDirectory(Path.Combine(Dir, "b"));
        string first = Path.Combine(Dir, "a", "App.pe");
        string second = Path.Combine(Dir, "b", "App.pe");
        File.WriteAllBytes(first, new byte[10]);
        File.WriteAllBytes(second, new byte[12]);

        var (code, stdout, stderr) = Sign(inputs: new[] { first, second });

        AssertRefused(code, stdout, stderr, $"--input {second}: another --input is also named App.pe");
    }

    [TestMethod]
    public void Sign_DefaultEntryTypeFromAFileNameWithADash_AsksForEntryType()
    {
        string pe = Path.Combine(Dir, "my-app.pe");
        File.WriteAllBytes(pe, new byte[10]);

        var (code, stdout, stderr) = Sign(inputs: new[] { pe });

        AssertRefused(code, stdout, stderr, "--entry-type: the default 'my-app.Program' (from the last --input's file name) is not a type name");
    }

    [TestMethod]
    public void Sign_BadCompatName_NamesTheOption()
    {
        var (code, stdout, stderr) = Sign(extra: new[] { "--firmware-compat", "bad name=1.17.11.0" });

        AssertRefused(code, stdout, stderr, "--firmware-compat 'bad name=1.17.11.0': the assembly name must be");
    }

    [TestMethod]
    public void Sign_GoodInputs_StillSign()
    {
        var (code, stdout, stderr) = Sign();

        Assert.AreEqual(0, code, stderr);
        StringAssert.Contains(stdout, "ota sign: ");
        Assert.IsTrue(File.Exists(Path.Combine(Dir, "out.snimg")));
    }

    private static void AssertRefused(int code, string stdout, string stderr, string expected)
    {
        Assert.AreEqual(2, code, stderr);
        StringAssert.Contains(stderr, expected);
        Assert.AreEqual(1, stderr.TrimEnd('\n').Split('\n').Length, "one line: " + stderr);
        Assert.IsFalse(stderr.Contains("   at ", StringComparison.Ordinal), "no stack trace");
        Assert.IsFalse(stdout.Contains("ota sign: ", StringComparison.Ordinal), stdout);
    }

    private (int Code, string Stdout, string Stderr) Sign(string board = "esp32-devkitc-ve", string[]? inputs = null, string? key = null, string[]? extra = null)
    {
        if (inputs == null)
        {
            string pe = Path.Combine(Dir, "App.pe");
            File.WriteAllBytes(pe, new byte[10]);
            inputs = new[] { pe };
        }

        string output = Path.Combine(Dir, "out.snimg");
        var args = new[] { "ota", "sign", "--key", key ?? Path.Combine(OtaVectors.Directory, "test-private.pem"), "--version", "1.0.0", "--security-counter", "1", "--board", board, "--output", output }.ToList();
        foreach (string input in inputs)
        {
            args.AddRange(new[] { "--input", input });
        }

        args.AddRange(extra ?? Array.Empty<string>());
        var result = CliRunner.Run(args.ToArray());
        if (result.ExitCode != 0)
        {
            Assert.IsFalse(File.Exists(output), "nothing is written");
        }

        return result;
    }

    private string Image(string kind)
    {
        byte[] minimal = File.ReadAllBytes(Path.Combine(OtaVectors.Directory, "minimal.snimg"));
        byte[] bytes = kind switch
        {
            "empty" => Array.Empty<byte>(),
            "random" => Enumerable.Range(0, 600).Select(i => (byte)(i * 37 + 11)).ToArray(),
            "cut" => minimal[..100],
            "trailing" => minimal.Append((byte)0).ToArray(),
            "manifest" => ManifestMagicOverwritten(minimal),
            _ => throw new ArgumentException(kind),
        };
        string path = Path.Combine(Dir, kind + ".snimg");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>minimal.snimg with its manifest's magic (the payload's first 4 bytes, after the 144-byte header) overwritten.</summary>
    private static byte[] ManifestMagicOverwritten(byte[] minimal)
    {
        byte[] bytes = (byte[])minimal.Clone();
        "XXXX"u8.CopyTo(bytes.AsSpan(144));
        return bytes;
    }
}
