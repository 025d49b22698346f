using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

[TestClass]
public sealed class ReplayCommandTests : TempDirectoryTests
{
    [TestMethod]
    public void Stats_WritesHeaderAndOneRowPerInput_WithMeanZAndAnomaly()
    {
        string input = Write("in.csv", "t,value\na,2\nb,4\nc,4\nd,4\ne,5\nf,5\ng,7\nh,9\n\"i,x\",11\nj,5\n");
        string output = Path.Combine(Dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("replay", "stats", "--window", "8", "--z-threshold", "2.5", "--input", input, "--output", output);

        Assert.AreEqual(0, code, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.AreEqual("t,value,mean,z,anomaly", lines[0]);
        Assert.AreEqual(11, lines.Length);
        Assert.AreEqual("a,2.000,2.000,0.000,0", lines[1]);
        // History 2,4,4,4,5,5,7,9: mean 5, sigma 2, so 11 scores z = 3; mean of the last 8 = 49/8.
        Assert.AreEqual("\"i,x\",11.000,6.125,3.000,1", lines[9]);
    }

    [TestMethod]
    public void Crest_WritesOneRowPerFullWindow()
    {
        string input = Write("vib.csv", "t,accel\n0,1.5\n1,-0.5\n2,1.5\n3,-0.5\n4,2\n5,0\n6,2\n7,0\n8,9\n");
        string output = Path.Combine(Dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("replay", "crest", "--window", "4", "--input", input, "--output", output);

        Assert.AreEqual(0, code, stderr);
        CollectionAssert.AreEqual(
            new[] { "window,start_t,rms,peak,crest", "0,0,1.000000000,1.000000000,1.000", "1,4,1.000000000,1.000000000,1.000" },
            File.ReadAllLines(output));
    }

    [TestMethod]
    public void ShippedSamples_RunAsTheReadmeShows()
    {
        string stats = Path.Combine(Dir, "stats.csv");
        string crest = Path.Combine(Dir, "crest.csv");
        Assert.AreEqual(0, CliRunner.Run("replay", "stats", "--window", "60", "--z-threshold", "4", "--input", Repo.Path("tools", "samples", "temperature.csv"), "--output", stats).ExitCode);
        Assert.AreEqual(0, CliRunner.Run("replay", "crest", "--window", "1024", "--input", Repo.Path("tools", "samples", "vibration.csv"), "--output", crest).ExitCode);

        // The sample has two injected spikes; the sample's bearing-fault second has a higher crest factor.
        Assert.AreEqual(2, File.ReadAllLines(stats).Skip(1).Count(l => l.EndsWith(",1", StringComparison.Ordinal)));
        double[] crests = File.ReadAllLines(crest).Skip(1).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToArray();
        Assert.IsTrue(crests.Last() > crests.First() * 2);
    }

    [TestMethod]
    [DataRow("t,val\na,1\n", "line 1: expected header 't,value'")]
    [DataRow("t,value\na,1\nb,x1\n", "line 3: value 'x1' is not a decimal number")]
    [DataRow("t,value\na,1\nb\n", "line 3: expected 2 fields")]
    [DataRow("t,value\na,1\nb,1,2\n", "line 3: expected 2 fields")]
    [DataRow("t,value\na,99999999999\n", "line 2: value '99999999999'")]
    [DataRow("", "line 1: expected header")]
    public void Stats_BadInput_ExitsTwoWithOneLine_AndLeavesNoOutput(string content, string expectedMessage)
    {
        string input = Write("in.csv", content);
        string output = Path.Combine(Dir, "out.csv");

        var (code, stdout, stderr) = CliRunner.Run("replay", "stats", "--window", "4", "--z-threshold", "3", "--input", input, "--output", output);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, expectedMessage);
        Assert.AreEqual(1, stderr.TrimEnd('\n').Split('\n').Length, "one line on stderr");
        Assert.AreEqual(string.Empty, stdout);
        Assert.AreEqual(0, Directory.GetFiles(Dir).Count(f => !f.EndsWith("in.csv", StringComparison.Ordinal)), "no output or temporary file is left");
    }

    [TestMethod]
    public void Stats_BadInput_KeepsAnExistingOutputFileUntouched()
    {
        string input = Write("in.csv", "t,value\na,1\nb,oops\n");
        string output = Write("out.csv", "previous good result\n");

        Assert.AreEqual(2, CliRunner.Run("replay", "stats", "--window", "4", "--z-threshold", "3", "--input", input, "--output", output).ExitCode);
        Assert.AreEqual("previous good result\n", File.ReadAllText(output));
    }

    [TestMethod]
    [DataRow("stats", "--window", "0", "--window must be between 1 and 4096")]
    [DataRow("stats", "--window", "4097", "--window must be between 1 and 4096")]
    [DataRow("stats", "--window", "abc", "--window must be a whole number")]
    [DataRow("stats", "--z-threshold", "0", "--z-threshold must be greater than 0")]
    [DataRow("stats", "--z-threshold", "-1", "--z-threshold must be greater than 0")]
    [DataRow("stats", "--z-threshold", "x", "--z-threshold must be a number")]
    [DataRow("crest", "--window", "0", "--window must be between 1 and 4096")]
    [DataRow("crest", "--window", "5000", "--window must be between 1 and 4096")]
    public void OutOfRangeOptions_ExitTwo(string verb, string option, string value, string expected)
    {
        string input = Write("in.csv", verb == "stats" ? "t,value\na,1\n" : "t,accel\na,1\n");
        string output = Path.Combine(Dir, "out.csv");
        var args = verb == "stats"
            ? new[] { "replay", verb, "--window", "4", "--z-threshold", "3", "--input", input, "--output", output }
            : new[] { "replay", verb, "--window", "4", "--input", input, "--output", output };
        int at = Array.IndexOf(args, option);
        args[at + 1] = value;

        var (code, _, stderr) = CliRunner.Run(args);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, expected);
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void MissingInputFile_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("replay", "crest", "--window", "4", "--input", Path.Combine(Dir, "nope.csv"), "--output", Path.Combine(Dir, "o.csv"));
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "input file not found");
    }

    [TestMethod]
    [DataRow("\"t\",\"value\"\r\na,1\r\nb,2", DisplayName = "quoted header, CRLF, no final newline")]
    [DataRow("\uFEFFt,value\na,1\n\n  \nb,2\n", DisplayName = "UTF-8 BOM and blank lines")]
    [DataRow("t , value\na, 1e0 \nb,\"+2\"\n", DisplayName = "spaces, exponent, quoted value")]
    public void Stats_AcceptsCsvVariants(string content)
    {
        string input = Path.Combine(Dir, "in.csv");
        File.WriteAllText(input, content, new System.Text.UTF8Encoding(false));
        string output = Path.Combine(Dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("replay", "stats", "--window", "4", "--z-threshold", "3", "--input", input, "--output", output);

        Assert.AreEqual(0, code, stderr);
        CollectionAssert.AreEqual(new[] { "t,value,mean,z,anomaly", "a,1.000,1.000,0.000,0", "b,2.000,1.500,0.000,0" }, File.ReadAllLines(output));
    }

    [TestMethod]
    public void Stats_AnomalyComparesTheExactZ_NotTheRoundedOne()
    {
        // History 0, 20: mean 10, sigma 10. 10.012 scores z = 0.0012 (> 0.001, printed 0.001);
        // 10.010 scores exactly 0.001 (not > 0.001).
        string input = Write("in.csv", "t,value\na,0\nb,20\nc,10.012\nd,0\ne,20\nf,10.010\n");
        string output = Path.Combine(Dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("replay", "stats", "--window", "2", "--z-threshold", "0.001", "--input", input, "--output", output);

        Assert.AreEqual(0, code, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.AreEqual("c,10.012,15.006,0.001,1", lines[3]);
        Assert.AreEqual("f,10.010,15.005,0.001,0", lines[6]);
    }

    [TestMethod]
    public void UnexpectedArgument_ExitsTwo()
    {
        string input = Write("in.csv", "t,value\na,1\n");
        string output = Path.Combine(Dir, "out.csv");

        var (code, _, stderr) = CliRunner.Run("replay", "stats", "extra", "--window", "4", "--z-threshold", "3", "--input", input, "--output", output);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "unexpected argument 'extra'");
        Assert.IsFalse(File.Exists(output));
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(Dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
