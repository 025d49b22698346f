using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Flash;

/// <summary>Every user error of flash.ps1: its own exit code, one line that says what to do, and nothing planned.</summary>
[TestClass]
public sealed class FlashErrorTests
{
    private static void AssertFails(FlashScript.Result r, int exitCode, string mention)
    {
        Assert.AreEqual(exitCode, r.ExitCode, r.ToString());
        Assert.AreEqual(string.Empty, r.Stdout, "no command may be printed or run after an error");
        string[] lines = r.Stderr.TrimEnd().Split('\n');
        Assert.AreEqual(1, lines.Length, r.Stderr);
        StringAssert.StartsWith(lines[0], "flash.ps1: ");
        StringAssert.Contains(lines[0], mention);
    }

    [TestMethod]
    public void NoPort_Exits3()
    {
        using var f = new FlashFixture();
        AssertFails(FlashScript.Run(new[] { "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 3, "pass -Port");
    }

    [TestMethod]
    [DataRow("ESP8266")]
    [DataRow("esp32_rev3")]
    [DataRow("ESP32_WROVER_KIT")]
    [DataRow("ESP32_REV0_ILI9342")]
    [DataRow("ESP32_PSRAM_REV3_ILI9341")]
    [DataRow("ESP32_PSRAM_REV3_ILI9342")]
    public void UnknownTarget_Exits4(string target)
    {
        using var f = new FlashFixture();
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", target, "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 4, $"unknown target '{target}'");
    }

    [TestMethod]
    public void MissingTarget_Exits4_ButUnlistedTargetCanBeAllowed()
    {
        using var f = new FlashFixture();
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 4, "pass -Target");
        var allowed = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_NEW", "-AllowUnlistedTarget", "-SkipDeploy", "-Nanoff", f.Nanoff, "-WhatIf" });
        Assert.AreEqual(0, allowed.ExitCode, allowed.ToString());
        CollectionAssert.AreEqual(new[] { $"{f.Nanoff} --update --target ESP32_NEW --serialport COM5" }, allowed.Lines);
    }

    [TestMethod]
    public void NoBuildOutput_Exits5_NamingTheMissingImage()
    {
        using var f = new FlashFixture();
        string empty = Path.Combine(f.Root, "empty");
        Directory.CreateDirectory(empty);
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-BuildOutput", empty, "-Nanoff", f.Nanoff, "-WhatIf" }), 5,
            Path.Combine(empty, "SensorNode.Device.bin"));
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Configuration", "NoSuchConfig", "-Nanoff", f.Nanoff, "-WhatIf" }), 5,
            Repo.Path("firmware", "SensorNode.Device", "bin", "NoSuchConfig", "SensorNode.Device.bin"));
    }

    [TestMethod]
    public void NoNanoff_Exits6()
    {
        using var f = new FlashFixture();
        string tools = Path.Combine(f.Root, "no-tools");
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Image", f.Image, "-NanoffToolPath", tools, "-NoInstall", "-WhatIf" }), 6,
            "dotnet tool install --global nanoff");
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", Path.Combine(f.Root, "missing"), "-WhatIf" }), 6,
            "(from -Nanoff) does not exist");
    }

    [TestMethod]
    public void MissingProvisioningFile_Exits7()
    {
        using var f = new FlashFixture();
        string missing = Path.Combine(f.Root, "missing-ca.pem");
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", f.Nanoff, "-Config", f.Config, "-Ca", missing, "-WhatIf" }), 7,
            $"--ca not found: '{missing}'");
    }

    [TestMethod]
    [DataRow("-Address", "1E0000", "-Address must be hexadecimal")]
    [DataRow("-Address", "0xZZ", "-Address must be hexadecimal")]
    [DataRow("-DeployVia", "Usb", "-DeployVia must be Address or NanoDevice")]
    [DataRow("-Ca", "ca.pem", "-Ca needs -Config")]
    [DataRow("-Bogus", "1", "unknown parameter or stray value '-Bogus'")]
    public void BadParameters_Exit2(string name, string value, string mention)
    {
        using var f = new FlashFixture();
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", f.Nanoff, name, value, "-WhatIf" }), 2, mention);
    }

    [TestMethod]
    public void AddressWithNanoDevice_AndNothingToDo_Exit2()
    {
        using var f = new FlashFixture();
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-Image", f.Image, "-Nanoff", f.Nanoff, "-DeployVia", "NanoDevice", "-SkipFirmware", "-Address", "0x1E0000", "-WhatIf" }), 2,
            "-Address applies to -DeployVia Address only");
        AssertFails(FlashScript.Run(new[] { "-Port", "COM5", "-SkipFirmware", "-SkipDeploy", "-WhatIf" }), 2, "nothing to do");
    }
}
