using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;

namespace SensorNode.Tests.Ota;

/// <summary>`sensornode ota ...` run in-process, plus OpenSSL as an independent signature check.</summary>
[TestClass]
public sealed class OtaCliTests : SensorNode.Tests.Cli.TempDirectoryTests
{
    [TestMethod]
    public void Keygen_WritesPrivate0600AndPublic_AndRefusesToOverwrite()
    {
        string keys = Path.Combine(Dir, "keys");
        Assert.AreEqual(0, Run(out _, out _, "ota", "keygen", "--out", keys));
        string priv = Path.Combine(keys, "ota-private.pem");
        string pub = Path.Combine(keys, "ota-public.pem");
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(priv));
        using (var rsa = RSA.Create())
        {
            rsa.ImportFromPem(File.ReadAllText(priv));
            Assert.AreEqual(3072, rsa.KeySize);
        }

        Assert.IsTrue(File.ReadAllText(pub).StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal));
        string before = File.ReadAllText(priv);
        Assert.AreEqual(2, Run(out _, out string err, "ota", "keygen", "--out", keys));
        StringAssert.Contains(err, "never overwrites");
        Assert.AreEqual(before, File.ReadAllText(priv));
    }

    [TestMethod]
    public void SignVerifyInfo_RoundTrip()
    {
        (string priv, string pub) = Keys();
        string image = SignTwoFiles(priv, "2.3.4", 9);
        Assert.AreEqual(0, Run(out string ok, out _, "ota", "verify", "--pubkey", pub, "--input", image));
        StringAssert.Contains(ok, "valid: version 2.3.4");
        Assert.AreEqual(0, Run(out string json, out _, "ota", "info", "--input", image, "--json"));
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        byte[] bytes = File.ReadAllBytes(image);
        Assert.AreEqual("2.3.4", root.GetProperty("version").GetString());
        Assert.AreEqual(9, root.GetProperty("security_counter").GetInt32());
        Assert.AreEqual("esp32-devkitc-ve", root.GetProperty("board").GetString());
        Assert.AreEqual(bytes.Length - 384, root.GetProperty("signed_length").GetInt32());
        Assert.AreEqual(Convert.ToHexStringLower(bytes[^384..]), root.GetProperty("signature_hex").GetString());
        int header = root.GetProperty("header_size").GetInt32();
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes[header..^384])), root.GetProperty("payload_sha256").GetString());
        Assert.AreEqual("mscorlib", root.GetProperty("firmware_compat")[0].GetProperty("name").GetString());
        Assert.AreEqual("App.Program", root.GetProperty("entry_type").GetString());
        Assert.AreEqual(2, root.GetProperty("files").GetArrayLength());
    }

    [TestMethod]
    public void Verify_TamperedOrWrongKey_ExitsOneWithTheReason()
    {
        (string priv, string pub) = Keys();
        string image = SignTwoFiles(priv, "1.0.0", 1);
        byte[] bytes = File.ReadAllBytes(image);
        bytes[^400] ^= 1;
        string tampered = Path.Combine(Dir, "tampered.snimg");
        File.WriteAllBytes(tampered, bytes);
        Assert.AreEqual(1, Run(out string o1, out _, "ota", "verify", "--pubkey", pub, "--input", tampered));
        StringAssert.Contains(o1, "hash_mismatch");

        (_, string otherPub) = Keys("other");
        Assert.AreEqual(1, Run(out string o2, out _, "ota", "verify", "--pubkey", otherPub, "--input", image));
        StringAssert.Contains(o2, "signature_invalid");

        string cut = Path.Combine(Dir, "cut.snimg");
        File.WriteAllBytes(cut, File.ReadAllBytes(image)[..500]);
        Assert.AreEqual(1, Run(out string o3, out _, "ota", "verify", "--pubkey", pub, "--input", cut));
        StringAssert.Contains(o3, "truncated");
    }

    [DataRow("--version", "1.2", "MAJOR.MINOR.PATCH")]
    [DataRow("--version", "1.2.70000", "MAJOR.MINOR.PATCH")]
    [DataRow("--version", "01.2.3", "no leading zeros")]
    [DataRow("--security-counter", "-1", "--security-counter")]
    [DataRow("--board", "ESP32", "board")]
    [DataRow("--firmware-compat", "mscorlib", "--firmware-compat")]
    [DataRow("--entry-type", "bad type", "entry type")]
    [TestMethod]
    public void Sign_BadOption_ExitsTwoAndWritesNothing(string option, string value, string mentioned)
    {
        (string priv, _) = Keys();
        string output = Path.Combine(Dir, "out.snimg");
        File.WriteAllBytes(Path.Combine(Dir, "App.pe"), new byte[10]);
        var args = new[] { "ota", "sign", "--key", priv, "--version", "1.0.0", "--security-counter", "1", "--board", "esp32-devkitc-ve", "--input", Path.Combine(Dir, "App.pe"), "--output", output }.ToList();
        int i = args.IndexOf(option);
        if (i >= 0)
        {
            args[i + 1] = value;
        }
        else
        {
            args.AddRange(new[] { option, value });
        }

        Assert.AreEqual(2, Run(out _, out string err, args.ToArray()));
        StringAssert.Contains(err, mentioned);
        Assert.IsFalse(File.Exists(output));
        Assert.IsFalse(File.Exists(output + ".tmp"));
    }

    [TestMethod]
    public void UsageErrors_ExitTwo()
    {
        Assert.AreEqual(2, Run(out _, out _, "ota"));
        Assert.AreEqual(2, Run(out _, out _, "ota", "frobnicate"));
        Assert.AreEqual(2, Run(out _, out _, "ota", "verify", "--input", "x"));
        Assert.AreEqual(2, Run(out _, out _, "ota", "info", "--input", Path.Combine(Dir, "missing")));
        (_, string pub) = Keys();
        string pe = Path.Combine(Dir, "App.pe");
        File.WriteAllBytes(pe, new byte[10]);
        Assert.AreEqual(2, Run(out _, out string err, "ota", "sign", "--key", pub, "--version", "1.0.0", "--security-counter", "1", "--board", "b", "--input", pe, "--output", Path.Combine(Dir, "o")));
        StringAssert.Contains(err, "--key");
    }

    [TestMethod]
    public void OutputIntoAMissingDirectory_ExitsTwoWithOneLine()
    {
        (string priv, string pub) = Keys();
        string missing = Path.Combine(Dir, "no", "such", "dir");
        Assert.AreEqual(2, Run(out _, out string err, "ota", "getpub", "--pubkey", pub, "--output", Path.Combine(missing, "Key.cs")));
        Assert.AreEqual(1, err.Trim().Split('\n').Length, err);
        File.WriteAllBytes(Path.Combine(Dir, "App.pe"), new byte[10]);
        Assert.AreEqual(2, Run(out _, out err, "ota", "sign", "--key", priv, "--version", "1.0.0", "--security-counter", "1", "--board", "b", "--input", Path.Combine(Dir, "App.pe"), "--output", Path.Combine(missing, "a.snimg")));
        StringAssert.Contains(err, "ota sign");
    }

    [TestMethod]
    public void Getpub_EmitsTheModulusAsCSharpBytes()
    {
        (_, string pub) = Keys();
        Assert.AreEqual(0, Run(out string source, out _, "ota", "getpub", "--pubkey", pub));
        StringAssert.Contains(source, "public static readonly byte[] Modulus");
        byte[] emitted = Regex.Matches(source, "0x([0-9A-F]{2}),").Select(m => Convert.ToByte(m.Groups[1].Value, 16)).ToArray();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(pub));
        CollectionAssert.AreEqual(rsa.ExportParameters(false).Modulus, emitted);
        Assert.IsTrue(new SensorNode.Core.Ota.RsaPublicKey(emitted).IsValid);
    }

    [TestMethod]
    public void CommittedFirmwareSources_AreExactlyWhatGetpubAndTargetGenerate()
    {
        // OtaPublicKey.cs and OtaTarget.cs are generated: regenerating them from their inputs changes nothing.
        Assert.AreEqual(0, Run(out string key, out _, "ota", "getpub", "--pubkey", Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem")));
        Assert.AreEqual(File.ReadAllText(Repo.Path("firmware", "SensorNode.Ota.Device", "OtaPublicKey.cs")), key);
        StringAssert.Contains(key, "public static readonly bool IsTestKey = true;");
        Assert.AreEqual(0, Run(out string target, out _, "ota", "target", "--firmware", Repo.Path("firmware", "SensorNode.Ota.Device", "native_assemblies.csv"), "--board", "esp32-devkitc-ve"));
        Assert.AreEqual(File.ReadAllText(Repo.Path("firmware", "SensorNode.Ota.Device", "OtaTarget.cs")), target);

        using RSA fleet = RSA.Create(3072);
        string pub = Path.Combine(Dir, "fleet-public.pem");
        File.WriteAllText(pub, fleet.ExportSubjectPublicKeyInfoPem());
        Assert.AreEqual(0, Run(out string other, out _, "ota", "getpub", "--pubkey", pub));
        StringAssert.Contains(other, "public static readonly bool IsTestKey = false;");
        StringAssert.Contains(other, "namespace SensorNode.Ota.Device");
    }

    [TestMethod]
    public void Target_ReadsAFirmwarePackagesCsv_HexAndDecimalChecksums()
    {
        string zip = Path.Combine(Dir, "ESP32_REV3-1.12.0.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var w = new StreamWriter(archive.CreateEntry("native_assemblies.csv").Open());
            w.Write("mscorlib,1.17.11.0,0x445C7AF9\r\nSystem.Net,1.11.60.0,1234567\r\n\r\nnanoFramework.Runtime.Native,100.0.10.0,0x109F6F22\r\n");
        }

        string output = Path.Combine(Dir, "OtaTarget.cs");
        Assert.AreEqual(0, Run(out string said, out string err, "ota", "target", "--firmware", zip, "--board", "esp32-s3-box", "--output", output), err);
        StringAssert.Contains(said, "3 native assemblies");
        string source = File.ReadAllText(output);
        StringAssert.Contains(source, "public const string Board = \"esp32-s3-box\";");
        StringAssert.Contains(source, "new FirmwareAssembly(\"mscorlib\", 1, 17, 11, 0, 0x445C7AF9),");
        StringAssert.Contains(source, "new FirmwareAssembly(\"System.Net\", 1, 11, 60, 0, 0x0012D687),");
        StringAssert.Contains(source, "new FirmwareAssembly(\"nanoFramework.Runtime.Native\", 100, 0, 10, 0, 0x109F6F22),");
    }

    [DataRow("mscorlib,1.17.11,0x1", "native_assemblies.csv:1: version must be MAJOR.MINOR.BUILD.REVISION")]
    [DataRow("mscorlib,1.17.11.0", "native_assemblies.csv:1: expected name,version,checksum")]
    [DataRow("mscorlib,1.17.11.0,0xZZ", "native_assemblies.csv:1: checksum must be 0x-hex or decimal")]
    [DataRow("mscorlib,1.17.11.0,1\nmscorlib,1.17.11.0,1", "native_assemblies.csv:2: mscorlib is listed twice")]
    [DataRow("\n\n", "native_assemblies.csv: no native assemblies listed")]
    [DataRow("my lib,1.0.0.0,1", "native_assemblies.csv:1: 'my lib' is not an assembly name")]
    [TestMethod]
    public void Target_BadCsv_NamesTheLineAndExitsTwo(string csv, string expected)
    {
        string path = Path.Combine(Dir, "native_assemblies.csv");
        File.WriteAllText(path, csv);
        Assert.AreEqual(2, Run(out string output, out string err, "ota", "target", "--firmware", path, "--board", "esp32-devkitc"));
        Assert.AreEqual(string.Empty, output);
        StringAssert.Contains(err, expected);
    }

    [TestMethod]
    public void Target_ZipWithoutCsv_OrABadBoard_SaysWhatToDo()
    {
        string zip = Path.Combine(Dir, "old.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            archive.CreateEntry("nanoCLR.bin");
        }

        Assert.AreEqual(2, Run(out _, out string err, "ota", "target", "--firmware", zip, "--board", "esp32-devkitc"));
        StringAssert.Contains(err, "holds no native_assemblies.csv");
        string csv = Path.Combine(Dir, "n.csv");
        File.WriteAllText(csv, "mscorlib,1.17.11.0,0\n");
        Assert.AreEqual(2, Run(out _, out err, "ota", "target", "--firmware", csv, "--board", new string('b', 40)));
        StringAssert.Contains(err, "--board must be 1..31 of [a-z0-9._-]");
    }

    [TestMethod]
    public void Signature_VerifiesWithOpenssl()
    {
        (string priv, string pub) = Keys();
        string image = SignTwoFiles(priv, "1.0.0", 1);
        byte[] bytes = File.ReadAllBytes(image);
        File.WriteAllBytes(Path.Combine(Dir, "digest.bin"), SHA256.HashData(bytes[..^384]));
        File.WriteAllBytes(Path.Combine(Dir, "sig.bin"), bytes[^384..]);
        (int rc, string output) = Openssl(pub);
        Assert.AreEqual(0, rc, output);
        StringAssert.Contains(output, "Signature Verified Successfully");

        // And OpenSSL rejects a signature over other bytes: the check can fail.
        File.WriteAllBytes(Path.Combine(Dir, "digest.bin"), SHA256.HashData(bytes[1..^384]));
        Assert.AreNotEqual(0, Openssl(pub).Rc);
    }

    private (int Rc, string Output) Openssl(string pub)
    {
        var psi = new ProcessStartInfo("openssl", new[] { "pkeyutl", "-verify", "-pubin", "-inkey", pub, "-in", "digest.bin", "-sigfile", "sig.bin", "-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32", "-pkeyopt", "digest:sha256" })
        {
            WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        Assert.IsTrue(p.WaitForExit(60_000), "openssl hung");
        return (p.ExitCode, output);
    }

    private string SignTwoFiles(string priv, string version, int counter)
    {
        string lib = Path.Combine(Dir, "Lib.pe");
        string app = Path.Combine(Dir, "App.pe");
        File.WriteAllBytes(lib, RandomNumberGenerator.GetBytes(300));
        File.WriteAllBytes(app, RandomNumberGenerator.GetBytes(200));
        string image = Path.Combine(Dir, $"app-{version}.snimg");
        Assert.AreEqual(0, Run(out _, out string err, "ota", "sign", "--key", priv, "--version", version, "--security-counter", counter.ToString(), "--board", "esp32-devkitc-ve", "--input", lib, app, "--output", image), err);
        return image;
    }

    // The committed test keys (RSA-3072 generation takes seconds; keygen has its own test).
    private (string Priv, string Pub) Keys(string name = "keys") => name == "keys"
        ? (Path.Combine(OtaVectors.Directory, "test-private.pem"), Path.Combine(OtaVectors.Directory, "test-public.pem"))
        : (string.Empty, Path.Combine(OtaVectors.Directory, "other-public.pem"));

    private static int Run(out string stdout, out string stderr, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = Program.Run(args, o, e);
        stdout = o.ToString();
        stderr = e.ToString();
        return rc;
    }
}
