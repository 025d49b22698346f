using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>
/// `ota sign` refuses images that break the versioning rule (docs/spec/ota-slots.md §10) or do not fit the board's
/// slot budget (§11), with one line naming the file and both versions or both sizes, exit 2, and no output file.
/// </summary>
[TestClass]
public sealed class OtaSignRulesTests : SensorNode.Tests.Cli.TempDirectoryTests
{
    private static readonly Version Boot = typeof(Sha256).Assembly.GetName().Version!;
    [TestMethod]
    public void BootVersion_IsTheDeviceBuildsRealVersion()
    {
        Assert.AreEqual("SensorNode.Boot", typeof(Sha256).Assembly.GetName().Name);
        Assert.AreNotEqual(new Version(0, 0, 0, 0), Boot);
        CollectionAssert.AreEqual(new[] { "SensorNode.Boot", "SensorNode.Loader" }, new System.Collections.Generic.List<string>(DeploymentTable.Role("loader")));
    }

    [TestMethod]
    public void PeAssembly_ReadsNameVersionAndReferences()
    {
        byte[] pe = PeFixture.Build("SensorNode.Core", new Version(1, 2, 3, 4), ("mscorlib", new Version(1, 17, 11, 0)), ("SensorNode.Boot", new Version(1, 0, 0, 0)));
        PeAssembly? read = PeAssembly.TryRead(pe);
        Assert.IsNotNull(read);
        Assert.AreEqual("SensorNode.Core", read.Name);
        Assert.AreEqual(new Version(1, 2, 3, 4), read.Version);
        Assert.AreEqual(2, read.References.Count);
        Assert.AreEqual("SensorNode.Boot", read.References[1].Name);
        Assert.AreEqual(new Version(1, 0, 0, 0), read.References[1].Version);
        Assert.IsNull(PeAssembly.TryRead(new byte[200]));
        Assert.IsNull(PeAssembly.TryRead(pe[..100]));
    }

    [TestMethod]
    public void Sign_ImageAssembliesReferencingTheLoadersBoot_IsSigned()
    {
        string image = Sign(out string err, 0, "esp32-devkitc-ve", Pe("SensorNode.Core", new Version(1, 0, 0, 0), ("SensorNode.Boot", Boot)), Pe("SensorNode.Device", new Version(1, 0, 0, 0), ("SensorNode.Core", new Version(1, 0, 0, 0))));
        Assert.IsTrue(File.Exists(image), err);
    }

    [TestMethod]
    public void Sign_ImageCarryingTheLoadersBootAtItsMajorMinor_IsRefusedAsNeverRunning()
    {
        string image = Sign(out string err, 2, "esp32-devkitc-ve", Pe("SensorNode.Boot", new Version(Boot.Major, Boot.Minor, 9, 9)), Pe("SensorNode.Device", new Version(1, 0, 0, 0)));
        StringAssert.Contains(err, "SensorNode.Boot.pe");
        StringAssert.Contains(err, "would never run");
        StringAssert.Contains(err, Boot.ToString());
        Assert.AreEqual(1, err.Trim().Split('\n').Length, err);
        Assert.IsFalse(File.Exists(image));
    }

    [TestMethod]
    public void Sign_ImageCarryingBootAtAnotherMajorMinor_IsRefusedAsShadowing()
    {
        string image = Sign(out string err, 2, "esp32-devkitc-ve", Pe("SensorNode.Boot", new Version(Boot.Major + 1, 0, 0, 0)), Pe("SensorNode.Device", new Version(1, 0, 0, 0)));
        StringAssert.Contains(err, "shadow");
        StringAssert.Contains(err, $"SensorNode.Boot {Boot.Major + 1}.0.0.0");
        Assert.IsFalse(File.Exists(image));
    }

    [TestMethod]
    public void Sign_ImageCarryingTheLoaderItself_IsRefused()
    {
        Sign(out string err, 2, "esp32-devkitc-ve", Pe("SensorNode.Loader", new Version(0, 1, 0, 0)));
        StringAssert.Contains(err, "SensorNode.Loader");
        StringAssert.Contains(err, "loader's deployment");
    }

    [TestMethod]
    public void Sign_ImageBuiltAgainstAnotherBoot_IsRefusedAsNotBinding()
    {
        Sign(out string err, 2, "esp32-devkitc-ve", Pe("SensorNode.Core", new Version(1, 0, 0, 0), ("SensorNode.Boot", new Version(Boot.Major, Boot.Minor + 1, 0, 0))));
        StringAssert.Contains(err, "would not bind");
        StringAssert.Contains(err, $"{Boot.Major}.{Boot.Minor + 1}.0.0");
        StringAssert.Contains(err, Boot.ToString());
    }

    [TestMethod]
    public void Sign_LoaderGivenAsPeFiles_UsesTheirVersions()
    {
        string loaderBoot = Path.Combine(Dir, "loader-boot.pe");
        File.WriteAllBytes(loaderBoot, PeFixture.Build("SensorNode.Boot", new Version(7, 3, 0, 0)));
        string core = Pe("SensorNode.Core", new Version(1, 0, 0, 0), ("SensorNode.Boot", new Version(7, 3, 1, 0)));
        Assert.AreEqual(0, Run(out _, out string err, Args("esp32-devkitc-ve", Path.Combine(Dir, "ok.snimg"), core, "--loader", loaderBoot)), err);
        Assert.AreEqual(2, Run(out _, out err, Args("esp32-devkitc-ve", Path.Combine(Dir, "bad.snimg"), Pe("SensorNode.Core", new Version(1, 0, 0, 0), ("SensorNode.Boot", Boot)), "--loader", loaderBoot)));
        StringAssert.Contains(err, "SensorNode.Boot 7.3.0.0");
    }

    [TestMethod]
    public void Sign_SameAssemblyTwice_IsRefused()
    {
        Sign(out string err, 2, "esp32-devkitc-ve", Pe("SensorNode.Core", new Version(1, 0, 0, 0)), Pe("SensorNode.Core", new Version(1, 1, 0, 0), "Core2.pe"));
        StringAssert.Contains(err, "twice");
    }

    [TestMethod]
    public void Sign_ForABoardWithoutPsram_IsRefusedNamingBothSizes()
    {
        string image = Sign(out string err, 2, "esp32-devkitc", Pe("SensorNode.Core", new Version(1, 0, 0, 0)));
        StringAssert.Contains(err, "esp32-devkitc");
        StringAssert.Contains(err, "slot budget 0 bytes");
        StringAssert.Contains(err, "nanoff");
        StringAssert.Matches(err, new System.Text.RegularExpressions.Regex(@"image is \d+ bytes"));
        Assert.IsFalse(File.Exists(image));
    }

    [TestMethod]
    public void Sign_ImageLargerThanTheSlotBudget_IsRefusedNamingBothSizes()
    {
        string big = Path.Combine(Dir, "Big.pe");
        File.WriteAllBytes(big, new byte[(896 * 1024) + 1]);
        string image = Sign(out string err, 2, "esp32-devkitc-ve", big);
        StringAssert.Contains(err, "holds at most 917504 bytes");
        StringAssert.Matches(err, new System.Text.RegularExpressions.Regex(@"the image is 91\d{4} bytes"));
        Assert.IsFalse(File.Exists(image));
    }

    private string Pe(string assembly, Version version, params (string, Version)[] refs) => Pe(assembly, version, refs, null);

    private string Pe(string assembly, Version version, (string, Version)[] refs, string? name)
    {
        string path = Path.Combine(Dir, name ?? assembly + ".pe");
        File.WriteAllBytes(path, PeFixture.Build(assembly, version, refs));
        return path;
    }

    private string Pe(string assembly, Version version, string name) => Pe(assembly, version, Array.Empty<(string, Version)>(), name);

    private string Sign(out string err, int expectedExit, string board, params string[] inputs)
    {
        string image = Path.Combine(Dir, "out.snimg");
        Assert.AreEqual(expectedExit, Run(out string stdout, out err, Args(board, image, inputs)), stdout + err);
        return image;
    }

    private static string[] Args(string board, string output, string input, params string[] more)
    {
        var args = new System.Collections.Generic.List<string> { "ota", "sign", "--key", Path.Combine(OtaVectors.Directory, "test-private.pem"), "--version", "1.0.0", "--security-counter", "1", "--board", board, "--output", output, "--input", input };
        args.AddRange(more);
        return args.ToArray();
    }

    private static string[] Args(string board, string output, string[] inputs)
    {
        var args = new System.Collections.Generic.List<string> { "ota", "sign", "--key", Path.Combine(OtaVectors.Directory, "test-private.pem"), "--version", "1.0.0", "--security-counter", "1", "--board", board, "--output", output, "--input" };
        args.AddRange(inputs);
        return args.ToArray();
    }

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
