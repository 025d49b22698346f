using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// Every declared surface (firmware/surfaces) carries the real upstream assembly name and the version of the pinned
/// package, so the MetadataProcessor writes the references a device build writes and nanoCLR binds them as a device does.
/// </summary>
[TestClass]
public sealed class SurfaceVersionTests
{
    public static IEnumerable<object[]> Surfaces() =>
        Directory.GetFiles(Repo.Path("firmware", "surfaces"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Order()
            .Select(p => new object[] { Path.GetRelativePath(Repo.Root, p) });

    [TestMethod]
    [DynamicData(nameof(Surfaces))]
    public void Surface_HasThePinnedPackagesAssemblyVersion(string relativePath)
    {
        string text = File.ReadAllText(Repo.Path(relativePath));
        string name = Regex.Match(text, "<AssemblyName>(.*?)</AssemblyName>").Groups[1].Value;
        string version = Regex.Match(text, "<AssemblyVersion>(.*?)</AssemblyVersion>").Groups[1].Value;
        StringAssert.Contains(text, "Surface.props", "a surface imports Surface.props, which stamps the version");
        var owners = NfprojCheck.LoadTable(Repo.Path("firmware", "nanoframework-packages.json"))
            .Where(p => p.Value.Assemblies.ContainsKey(name)).ToList();
        Assert.HasCount(1, owners, $"exactly one pinned package ships assembly {name}");
        string? pinned = owners[0].Value.Assemblies[name];
        string expected = pinned ?? owners[0].Value.Version + ".0";
        Assert.AreEqual(expected, version, $"{relativePath}: {name} must carry the version of {owners[0].Key} {owners[0].Value.Version}");
    }

    [TestMethod]
    public void EverySurfaceIsChecked()
    {
        Assert.IsGreaterThanOrEqualTo(19, Surfaces().Count());
    }
}
