using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>`sensornode footprint` over .pe files of known sizes, with the repository's deployments.json shape.</summary>
[TestClass]
public sealed class FootprintCommandTests
{
    private static string Setup(out string deployments, out string budgets, long coreBudget)
    {
        string dir = CliRunner.TempDirectory();
        deployments = Path.Combine(dir, "deployments.json");
        budgets = Path.Combine(dir, "budgets.json");
        File.WriteAllText(deployments, """{ "$comment": "x", "direct": ["A.Core", "A.App"], "loader": ["A.Core", "A.Loader"], "image": ["A.Core", "A.App"] }""");
        File.WriteAllText(budgets, "{ \"assemblyBytes\": { \"A.Core\": " + coreBudget + ", \"A.App\": 2000, \"A.Loader\": 500 }, \"roleBytes\": { \"direct\": 5000, \"loader\": 5000, \"image\": 5000 } }");
        File.WriteAllBytes(Path.Combine(dir, "A.Core.pe"), new byte[1500]);
        File.WriteAllBytes(Path.Combine(dir, "A.App.pe"), new byte[1200]);
        File.WriteAllBytes(Path.Combine(dir, "A.Loader.pe"), new byte[300]);
        return dir;
    }

    [TestMethod]
    public void PrintsEveryPeAndEveryRoleTotal_WithinBudget_Exit0()
    {
        string dir = Setup(out string deployments, out string budgets, 1500);
        try
        {
            var (code, stdout, _) = CliRunner.Run("footprint", "--pe-dir", dir, "--deployments", deployments, "--budgets", budgets);
            Assert.AreEqual(0, code, stdout);
            StringAssert.Matches(stdout, new System.Text.RegularExpressions.Regex(@"A\.Core\s+1500\s"));
            StringAssert.Matches(stdout, new System.Text.RegularExpressions.Regex(@"direct\s+2700\s.*A\.Core \+ A\.App"));
            StringAssert.Matches(stdout, new System.Text.RegularExpressions.Regex(@"loader\s+1800\s"));
            Assert.DoesNotContain("OVER BUDGET", stdout);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void OneByteOverItsBudget_IsReported_Exit1()
    {
        string dir = Setup(out string deployments, out string budgets, 1499);
        try
        {
            var (code, stdout, _) = CliRunner.Run("footprint", "--pe-dir", dir, "--deployments", deployments, "--budgets", budgets, "--json");
            Assert.AreEqual(1, code);
            StringAssert.Contains(stdout, "\"withinBudget\": false");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void MissingPe_OneLineSayingWhatToRun_Exit1()
    {
        string dir = Setup(out string deployments, out string budgets, 1500);
        try
        {
            File.Delete(Path.Combine(dir, "A.Loader.pe"));
            var (code, stdout, stderr) = CliRunner.Run("footprint", "--pe-dir", dir, "--deployments", deployments, "--budgets", budgets);
            Assert.AreEqual(1, code);
            Assert.AreEqual(string.Empty, stdout);
            StringAssert.Contains(stderr, "A.Loader.pe not found: run tools/nanoclr-tests.sh first");
            Assert.AreEqual(1, stderr.Trim().Split('\n').Length);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
