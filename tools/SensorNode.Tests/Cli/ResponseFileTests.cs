using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>
/// Response files (docs/cli.md): `@FILE` in place of an option or argument is replaced by FILE's arguments; the value
/// of an option is always literal, so `--password @x` is the password "@x" and no file is read.
/// (With a real broker: EveryVerbSecretsTests, "monitor".)
/// </summary>
[TestClass]
public sealed class ResponseFileTests
{
    private string _dir = string.Empty;

    [TestInitialize]
    public void Create() => _dir = CliRunner.TempDirectory();

    [TestCleanup]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void ResponseFile_InPlaceOfOptions_IsExpanded()
    {
        string csv = Write("in.csv", "t,value\na,1\nb,2\nc,3\n");
        string output = Path.Combine(_dir, "out.csv");
        string rsp = Write("stats.rsp", $"# replay settings\n--window 2 --z-threshold 3\n--input \"{csv}\"\n");
        var r = CliRunner.Run("replay", "stats", "@" + rsp, "--output", output);
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        Assert.AreEqual("t,value,mean,z,anomaly", File.ReadAllLines(output)[0]);
    }

    [DataRow("monitor", "--broker|mqtt://127.0.0.1:1|--once|--password")]
    [DataRow("simulate", "--password")]
    [DataRow("collect", "--broker|mqtt://127.0.0.1:1|--password")]
    [TestMethod]
    public void PasswordStartingWithAt_IsTakenLiterally_NoFileIsRead(string verb, string options)
    {
        // The file exists: read as a response file it would yield "--username u" and the run would go on.
        string file = Write("creds", "--username u\n");
        var args = new System.Collections.Generic.List<string> { verb };
        args.AddRange(options.Split('|'));
        args.Add("@" + file);
        var r = CliRunner.Run(args.ToArray());
        Assert.AreEqual(2, r.ExitCode, r.Stderr);
        Assert.AreEqual($"sensornode {verb}: --password needs --username", r.Stderr.TrimEnd());
    }

    [TestMethod]
    public void OptionValueStartingWithAt_IsLiteral_ForEveryOption()
    {
        var r = CliRunner.Run("replay", "stats", "--window", "2", "--z-threshold", "3", "--input", "@no-such-file.csv", "--output", Path.Combine(_dir, "o.csv"));
        Assert.AreEqual(2, r.ExitCode);
        StringAssert.Contains(r.Stderr, "@no-such-file.csv");
        Assert.IsFalse(r.Stderr.Contains("Response file", System.StringComparison.OrdinalIgnoreCase), r.Stderr);
    }

    [TestMethod]
    public void SecondValueOfAManyValuedOption_StartingWithAt_IsLiteral()
    {
        string pe = Write("a.pe", "not a pe");
        string key = Path.Combine(SensorNode.Tests.Ota.OtaVectors.Directory, "test-private.pem");
        var r = CliRunner.Run("ota", "sign", "--key", key, "--version", "1.0.0", "--security-counter", "1", "--board", "esp32-devkitc-ve",
            "--input", pe, "@no-such.pe", "--output", Path.Combine(_dir, "o.snimg"));
        Assert.AreNotEqual(0, r.ExitCode);
        StringAssert.Contains(r.Stderr, "@no-such.pe");
        Assert.IsFalse(r.Stderr.Contains("response file", System.StringComparison.OrdinalIgnoreCase), r.Stderr);
    }

    [TestMethod]
    public void MissingResponseFile_IsAUsageError_OneLine()
    {
        var r = CliRunner.Run("monitor", "@" + Path.Combine(_dir, "none.rsp"));
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
        StringAssert.StartsWith(r.Stderr, "sensornode: ");
        StringAssert.Contains(r.Stderr, "none.rsp");
        Assert.AreEqual(string.Empty, r.Stdout);
    }

    [TestMethod]
    public void ResponseFileNamingItself_StopsWithAUsageError()
    {
        string self = Path.Combine(_dir, "self.rsp");
        File.WriteAllText(self, "@" + self + "\n");
        var r = CliRunner.Run("monitor", "@" + self);
        Assert.AreEqual(2, r.ExitCode, r.Stderr);
        StringAssert.Contains(r.Stderr, "response files nest deeper than");
    }

    [TestMethod]
    public void SecretInAResponseFile_IsRedactedFromErrors()
    {
        string rsp = Write("creds.rsp", "--broker mqtt://127.0.0.1:1 --username u --password Rsp-S3cret-17 --bogus\n");
        var r = CliRunner.Run("monitor", "@" + rsp);
        Assert.AreEqual(2, r.ExitCode);
        Assert.IsFalse(r.Stderr.Contains("Rsp-S3cret-17", System.StringComparison.Ordinal), r.Stderr);
    }

    [TestMethod]
    public void EmptyResponseFile_IsLikeNoArguments_VerbListOnStderr()
    {
        var r = CliRunner.Run("@" + Write("empty.rsp", "# nothing here\n\n"));
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual(string.Empty, r.Stdout);
        StringAssert.Contains(r.Stderr, "simulate");
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
