using System;
using System.Diagnostics;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Tests.Ota;

namespace SensorNode.Tests.Cli;

/// <summary>
/// Issue 17 item 7 (docs/hostile-peers.md): an output that is the input (also through a hard or symbolic
/// link) or that is not a regular file (symbolic link, FIFO, /dev/full, directory) is refused with one
/// line and exit 2, and nothing is touched: not the input, not the link, not its target.
/// </summary>
[TestClass]
public sealed class OutputSafetyTests
{
    private string _dir = null!;
    private string _csv = null!;
    private const string CsvText = "t,value\n0,1.0\n1,2.0\n2,3.0\n";

    [TestInitialize]
    public void Start()
    {
        _dir = CliRunner.TempDirectory();
        _csv = Path.Combine(_dir, "in.csv");
        File.WriteAllText(_csv, CsvText);
    }

    [TestCleanup]
    public void Stop() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void Replay_OutputIsTheInput_SamePathHardLinkOrSymlink_IsRefused_AndTheRecordingSurvives()
    {
        string hard = Path.Combine(_dir, "hard.csv");
        Run("ln", _csv, hard);
        string sub = Path.Combine(_dir, "sub");
        Directory.CreateDirectory(sub);
        string viaDir = Path.Combine(_dir, "linkdir");
        Directory.CreateSymbolicLink(viaDir, _dir);
        foreach (string output in new[] { _csv, hard, Path.Combine(sub, "..", "in.csv"), Path.Combine(viaDir, "in.csv") })
        {
            var r = CliRunner.Run("replay", "stats", "--window", "2", "--z-threshold", "2", "--input", _csv, "--output", output);
            Assert.AreEqual(2, r.ExitCode, output + ": " + r.Stderr);
            Assert.AreEqual(1, r.Stderr.Trim().Split('\n').Length, r.Stderr);
            StringAssert.Contains(r.Stderr, "--output");
            StringAssert.Contains(r.Stderr, "input");
            Assert.AreEqual(CsvText, File.ReadAllText(_csv), "the recording is untouched");
        }
    }

    [TestMethod]
    public void Replay_OutputThatIsNotARegularFile_IsRefused_AndLeftAsItWas()
    {
        string target = Path.Combine(_dir, "target.csv");
        File.WriteAllText(target, "keep me");
        string link = Path.Combine(_dir, "link.csv");
        File.CreateSymbolicLink(link, target);
        string fifo = Path.Combine(_dir, "fifo");
        Run("mkfifo", fifo);
        foreach ((string output, string kind) in new[] { (link, "symbolic link"), (fifo, "FIFO"), ("/dev/full", "device"), (_dir, "directory") })
        {
            var r = CliRunner.Run("replay", "stats", "--window", "2", "--z-threshold", "2", "--input", _csv, "--output", output);
            Assert.AreEqual(2, r.ExitCode, output + ": " + r.Stderr);
            Assert.AreEqual(1, r.Stderr.Trim().Split('\n').Length, r.Stderr);
            StringAssert.Contains(r.Stderr, kind);
        }

        Assert.IsNotNull(new FileInfo(link).LinkTarget, "the link is still a link");
        Assert.AreEqual("keep me", File.ReadAllText(target));
        Run("test", "-p", fifo); // still a FIFO, not replaced by a regular file
        Assert.IsTrue(File.Exists("/dev/full") && new FileInfo("/dev/full").Length == 0);
    }

    [TestMethod]
    public void OtaSign_OutputIsTheInputPe_IsRefused_AndThePeSurvives()
    {
        string keys = Path.Combine(_dir, "keys");
        Assert.AreEqual(0, CliRunner.Run("ota", "keygen", "--out", keys).ExitCode);
        string pe = Path.Combine(_dir, "App.pe");
        byte[] content = new byte[64];
        new Random(3).NextBytes(content);
        File.WriteAllBytes(pe, content);
        var r = CliRunner.Run("ota", "sign", "--key", Path.Combine(keys, "ota-private.pem"), "--version", "1.0.0", "--security-counter", "1", "--board", "esp32-devkitc", "--input", pe, "--output", pe);
        Assert.AreEqual(2, r.ExitCode, r.Stderr);
        Assert.AreEqual(1, r.Stderr.Trim().Split('\n').Length, r.Stderr);
        StringAssert.Contains(r.Stderr, "is the input");
        CollectionAssert.AreEqual(content, File.ReadAllBytes(pe));
    }

    [TestMethod]
    public void OtaGetpub_And_OtaTarget_RefuseASymlinkOutput()
    {
        string target = Path.Combine(_dir, "real.cs");
        File.WriteAllText(target, "keep");
        string link = Path.Combine(_dir, "Key.cs");
        File.CreateSymbolicLink(link, target);
        var r = CliRunner.Run("ota", "getpub", "--pubkey", Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem"), "--output", link);
        Assert.AreEqual(2, r.ExitCode, r.Stderr);
        StringAssert.Contains(r.Stderr, "symbolic link");
        Assert.AreEqual("keep", File.ReadAllText(target));
        Assert.IsNotNull(new FileInfo(link).LinkTarget);

        string firmware = Path.Combine(_dir, "fw.csv");
        File.WriteAllText(firmware, "x");
        var t = CliRunner.Run("ota", "target", "--firmware", firmware, "--board", "esp32-devkitc", "--output", firmware);
        Assert.AreEqual(2, t.ExitCode, t.Stderr);
        StringAssert.Contains(t.Stderr, "is the input");
        Assert.AreEqual("x", File.ReadAllText(firmware));
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Assert.IsTrue(p.WaitForExit(30000) && p.ExitCode == 0, file);
    }
}
