using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// The .nfproj projects cannot be built here (no nanoFramework MSBuild components), so their structure is
/// checked instead: packages.config against Reference HintPaths and the pinned table, conditional imports,
/// the test project's shape, and that the device solution lists every one of them.
/// </summary>
[TestClass]
public sealed class NfprojTests
{
    private static readonly string[] Skipped = { "bin", "obj", ".git", "packages", "TestResults", ".vs", "node_modules" };

    public static IEnumerable<object[]> Nfprojs() => FindNfprojs().Select(p => new object[] { Path.GetRelativePath(Repo.Root, p) });

    private static Dictionary<string, NfprojCheck.Pinned> Table => NfprojCheck.LoadTable(Repo.Path("firmware", "nanoframework-packages.json"));

    [TestMethod]
    [DynamicData(nameof(Nfprojs))]
    public void Nfproj_MatchesPackagesConfigAndThePinnedTable(string relativePath)
    {
        List<string> problems = NfprojCheck.Problems(Repo.Path(relativePath), Repo.Path("packages"), Table);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void KnownProjects_AreFound_AndTheTestProjectIsChecked()
    {
        var found = FindNfprojs().Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/')).ToList();
        CollectionAssert.IsSubsetOf(new[] { "firmware/SensorNode.Core.nanoFramework/SensorNode.Core.nfproj", "nfproj-tests/NFUnitTest.nfproj" }, found);
        StringAssert.Contains(File.ReadAllText(Repo.Path("nfproj-tests", "NFUnitTest.nfproj")), "<IsTestProject>true</IsTestProject>");
    }

    [TestMethod]
    public void PinnedTable_StaysOnTheCoreLibrary117Line()
    {
        var table = Table;
        Assert.AreEqual("1.17.11", table["nanoFramework.CoreLibrary"].Version);
        foreach (var (id, pinned) in table)
        {
            Assert.IsFalse(pinned.Version.Contains("preview", StringComparison.OrdinalIgnoreCase), id + " must not be a preview");
            Assert.IsTrue(pinned.Assemblies.Count > 0, id + " lists no assemblies");
        }
    }

    [TestMethod]
    public void Checker_ReportsEachKindOfMistake()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sn-nfproj-" + Guid.NewGuid().ToString("N"), "proj");
        Directory.CreateDirectory(dir);
        try
        {
            string good = File.ReadAllText(Repo.Path("nfproj-tests", "NFUnitTest.nfproj"));
            string bad = good
                .Replace("<AssemblyName>NFUnitTest</AssemblyName>", "<AssemblyName>MyTests</AssemblyName>", StringComparison.Ordinal)
                .Replace("<ProjectCapability Include=\"TestContainer\" />", string.Empty, StringComparison.Ordinal)
                .Replace("nanoFramework.CoreLibrary.1.17.11", "nanoFramework.CoreLibrary.1.15.5", StringComparison.Ordinal);
            bad = Regex.Replace(bad, "(NFProjectSystem.CSharp.targets\") Condition=\"[^\"]*\"", "$1");
            File.WriteAllText(Path.Combine(dir, "NFUnitTest.nfproj"), bad);
            File.WriteAllText(Path.Combine(dir, "nano.runsettings"), "<RunSettings />");
            File.WriteAllText(Path.Combine(dir, "packages.config"),
                "<packages><package id=\"nanoFramework.CoreLibrary\" version=\"1.15.5\" targetFramework=\"netnano1.0\" />" +
                "<package id=\"nanoFramework.TestFramework\" version=\"3.0.80\" targetFramework=\"netnano1.0\" developmentDependency=\"true\" />" +
                "<package id=\"nanoFramework.System.Math\" version=\"1.5.116\" targetFramework=\"netnano1.0\" /></packages>");

            List<string> problems = NfprojCheck.Problems(Path.Combine(dir, "NFUnitTest.nfproj"), Path.Combine(dir, "..", "packages"), Table);
            string all = string.Join("\n", problems);
            StringAssert.Contains(all, "AssemblyName must be NFUnitTest");
            StringAssert.Contains(all, "TestContainer");
            StringAssert.Contains(all, "nanoFramework.CoreLibrary is 1.15.5 in packages.config but pinned at 1.17.11");
            StringAssert.Contains(all, "Import '$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets' must have Condition");
            StringAssert.Contains(all, "package nanoFramework.System.Math 1.5.116 has no Reference");
            StringAssert.Contains(all, "ProjectReference '..\\firmware\\SensorNode.Core.nanoFramework\\SensorNode.Core.nfproj' does not exist");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    [TestMethod]
    public void DeviceSolution_ListsEveryNfprojWithTheNanoFrameworkProjectType()
    {
        string sln = File.ReadAllText(Repo.Path("SensorNode.Device.sln"));
        var listed = Regex.Matches(sln, "Project\\(\"(\\{[^}]+\\})\"\\) = \"[^\"]+\", \"([^\"]+\\.nfproj)\"")
            .ToDictionary(m => m.Groups[2].Value.Replace('\\', '/'), m => m.Groups[1].Value);
        var onDisk = FindNfprojs().Select(p => Path.GetRelativePath(Repo.Root, p).Replace('\\', '/')).OrderBy(p => p).ToList();
        CollectionAssert.AreEquivalent(onDisk, listed.Keys.ToList(), "SensorNode.Device.sln must list exactly the .nfproj files in the repository");
        foreach (var (path, typeGuid) in listed)
        {
            Assert.AreEqual(NfprojCheck.NanoProjectTypeGuid, typeGuid.ToUpperInvariant(), path);
        }
    }

    [TestMethod]
    public void MainSolution_ShowsTheDeviceSolutionAsASolutionItem()
    {
        string sln = File.ReadAllText(Repo.Path("SensorNode.sln"));
        StringAssert.Contains(sln, "ProjectSection(SolutionItems) = preProject");
        StringAssert.Contains(sln, "SensorNode.Device.sln = SensorNode.Device.sln");
        Assert.IsFalse(sln.Contains(".nfproj", StringComparison.OrdinalIgnoreCase), "SensorNode.sln must stay buildable with dotnet build: no .nfproj in it");
    }

    private static List<string> FindNfprojs()
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Repo.Root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            result.AddRange(Directory.GetFiles(dir, "*.nfproj"));
            foreach (string sub in Directory.GetDirectories(dir))
            {
                if (!Skipped.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
