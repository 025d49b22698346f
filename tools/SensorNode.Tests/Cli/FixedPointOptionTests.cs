using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>
/// Issue 17 item 8: `--z-threshold 0.0005` was printed as given but used as 0.001. Fixed-point options
/// (thousandths, as the device keeps them) now refuse values finer than 0.001, naming the resolution.
/// </summary>
[TestClass]
public sealed class FixedPointOptionTests : TempDirectoryTests
{
    [TestMethod]
    [DataRow("0.0005")]
    [DataRow("0.0015")]
    [DataRow("3.5001")]
    [DataRow("2.99999")]
    public void ZThreshold_FinerThanThousandths_IsRefusedNamingTheResolution(string value)
    {
        (int code, string stdout, string stderr, string output) = Stats(value);

        Assert.AreEqual(2, code, stderr);
        StringAssert.Contains(stderr, "--z-threshold " + value);
        StringAssert.Contains(stderr, "resolution of 0.001");
        Assert.AreEqual(1, stderr.TrimEnd('\n').Split('\n').Length, "one line on stderr");
        Assert.AreEqual(string.Empty, stdout);
        Assert.IsFalse(File.Exists(output), "nothing is written");
    }

    [TestMethod]
    [DataRow("0.001", "0.001")]
    [DataRow("2.50", "2.5")]
    [DataRow("4", "4")]
    [DataRow("1000000", "1000000")]
    public void ZThreshold_Representable_IsUsedAndPrintedExactly(string value, string printed)
    {
        (int code, string stdout, string stderr, _) = Stats(value);

        Assert.AreEqual(0, code, stderr);
        StringAssert.Contains(stdout, $"|z| > {printed}:");
    }

    [TestMethod]
    public void ZThreshold_Thousandth_DecidesAsTheDeviceDoes()
    {
        // History 0, 20: mean 10, sigma 10; 10.012 scores z = 0.0012 > 0.001 (anomaly), 10.010 exactly 0.001 (none).
        string input = Path.Combine(Dir, "edge.csv");
        File.WriteAllText(input, "t,value\na,0\nb,20\nc,10.012\nd,0\ne,20\nf,10.010\n");
        string output = Path.Combine(Dir, "edge-out.csv");

        var (code, _, stderr) = CliRunner.Run("replay", "stats", "--window", "2", "--z-threshold", "0.001", "--input", input, "--output", output);

        Assert.AreEqual(0, code, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.IsTrue(lines[3].EndsWith(",1", StringComparison.Ordinal), lines[3]);
        Assert.IsTrue(lines[6].EndsWith(",0", StringComparison.Ordinal), lines[6]);
    }

    [TestMethod]
    [DataRow("1000000.001", "at most 1000000")]
    [DataRow("0", "greater than 0")]
    [DataRow("1e-4", "resolution of 0.001")]
    [DataRow("1e28", "at most 1000000")] // would overflow decimal when scaled to thousandths
    [DataRow("-79228162514264337593543950335", "greater than 0")]
    public void ZThreshold_OutsideTheRange_IsRefused(string value, string expected)
    {
        (int code, _, string stderr, string output) = Stats(value);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, expected);
        Assert.IsFalse(File.Exists(output));
    }

    private (int Code, string Stdout, string Stderr, string Output) Stats(string threshold)
    {
        string input = Path.Combine(Dir, "in.csv");
        File.WriteAllText(input, "t,value\na,1\nb,2\nc,30\n");
        string output = Path.Combine(Dir, "out-" + Guid.NewGuid().ToString("N") + ".csv");
        var (code, stdout, stderr) = CliRunner.Run("replay", "stats", "--window", "4", "--z-threshold", threshold, "--input", input, "--output", output);
        return (code, stdout, stderr, output);
    }
}
