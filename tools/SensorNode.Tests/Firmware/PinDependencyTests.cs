using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Firmware;

/// <summary>The pinned packages resolve together on firmware with mscorlib 1.17 (PinDependencyCheck).</summary>
[TestClass]
public sealed class PinDependencyTests
{
    private static Dictionary<string, (string Version, Dictionary<string, string>? DependsOn)> Table =>
        PinDependencyCheck.Load(Repo.Path("firmware", "nanoframework-packages.json"));

    [TestMethod]
    public void PinnedTable_DependenciesAgreeOnMajorMinor_AndOneUnitsNetLine()
    {
        var problems = PinDependencyCheck.Problems(Table);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void EveryLibraryReadUpstream_IsBuiltOnCoreLibrary117()
    {
        int recorded = 0;
        foreach (var (id, (_, deps)) in Table)
        {
            if (deps == null)
            {
                continue;
            }

            recorded++;
            if (deps.TryGetValue("nanoFramework.CoreLibrary", out string? core))
            {
                StringAssert.StartsWith(core, "1.17.", id);
            }
        }

        Assert.IsTrue(recorded >= 20, "dependencies recorded for only " + recorded + " packages");
        Assert.AreEqual("1.1.139", Table["nanoFramework.System.IO.Ports"].Version);
        Assert.AreEqual("1.17.11", Table["nanoFramework.System.IO.Ports"].DependsOn!["nanoFramework.CoreLibrary"]);
    }

    [TestMethod]
    public void Checker_Reports_AnOldIoPorts_AMixOfUnitsNetLines_AndABindingOnTheOtherLine()
    {
        var table = new Dictionary<string, (string Version, Dictionary<string, string>? DependsOn)>
        {
            ["nanoFramework.CoreLibrary"] = ("1.17.11", null),
            ["nanoFramework.System.IO.Streams"] = ("1.1.96", new() { ["nanoFramework.CoreLibrary"] = "1.17.11" }),
            // nanoframework/System.IO.Ports v1.1.86: built on CoreLibrary 1.15.5.
            ["nanoFramework.System.IO.Ports"] = ("1.1.86", new() { ["nanoFramework.CoreLibrary"] = "1.15.5", ["nanoFramework.System.IO.Streams"] = "1.1.59" }),
            ["UnitsNet.nanoFramework.Temperature"] = ("5.75.0", null),
            ["nanoFramework.UnitsNet.Temperature"] = ("5.76.15", null),
            ["nanoFramework.Iot.Device.Bmxx80"] = ("1.2.1016", new() { ["nanoFramework.UnitsNet.Pressure"] = "5.76.15" }),
        };
        var problems = PinDependencyCheck.Problems(table);
        CollectionAssert.AreEqual(
            new[]
            {
                "nanoFramework.System.IO.Ports was built against nanoFramework.CoreLibrary 1.15.5, but 1.17.11 is pinned: nanoCLR binds by major.minor, so nanoFramework.System.IO.Ports would not resolve",
                "nanoFramework.Iot.Device.Bmxx80 depends on nanoFramework.UnitsNet.Pressure 5.76.15, which is not pinned: its UnitsNet line differs from the table's",
                "both UnitsNet lines are pinned (UnitsNet.nanoFramework.* and nanoFramework.UnitsNet.*): they declare the same types (CS0433)",
            },
            problems);
    }
}
