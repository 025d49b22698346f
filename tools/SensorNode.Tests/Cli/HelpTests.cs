using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>Top-level and per-verb help, and unknown verbs.</summary>
[TestClass]
public sealed class HelpTests
{
    [TestMethod]
    [DataRow("monitor", "--broker")]
    [DataRow("ota", "ota sign")]
    [DataRow("power", "--board-profile")]
    [DataRow("provision", "--via-nanoff")]
    [DataRow("replay", "replay stats --window N --z-threshold T --input in.csv --output out.csv")]
    [DataRow("simulate", "--broker")]
    public void VerbHelp_PrintsUsage_ExitsZero(string verb, string expected)
    {
        foreach (string[] args in new[] { new[] { verb, "--help" }, new[] { verb, "-h" }, verb == "replay" ? new[] { verb, "stats", "--help" } : new[] { verb, "--help" } })
        {
            var (code, stdout, stderr) = CliRunner.Run(args);

            Assert.AreEqual(0, code, stderr);
            StringAssert.StartsWith(stdout, "usage: sensornode " + verb);
            StringAssert.Contains(stdout, expected);
            Assert.AreEqual(string.Empty, stderr);
        }
    }

    [TestMethod]
    public void TopLevelHelp_ListsEveryVerb()
    {
        var (code, stdout, _) = CliRunner.Run("--help");

        Assert.AreEqual(0, code);
        foreach (string verb in new[] { "monitor", "ota", "power", "provision", "replay", "simulate" })
        {
            StringAssert.Contains(stdout, "  " + verb + " ");
        }
    }

    [TestMethod]
    public void UnknownVerb_AndNoVerb_ExitTwo()
    {
        var (code, stdout, stderr) = CliRunner.Run("frobnicate");
        Assert.AreEqual(2, code);
        Assert.AreEqual(string.Empty, stdout);
        Assert.AreEqual("sensornode: unknown verb 'frobnicate'; run 'sensornode --help' for the list", stderr.TrimEnd());

        (code, _, stderr) = CliRunner.Run();
        Assert.AreEqual(2, code);
        StringAssert.StartsWith(stderr, "usage: sensornode <verb>");
    }
}
