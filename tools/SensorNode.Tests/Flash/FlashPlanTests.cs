using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Flash;

/// <summary>flash.ps1 -WhatIf: the exact commands, one per line, for each way of flashing a board.</summary>
[TestClass]
public sealed class FlashPlanTests
{
    private static FlashScript.Result WhatIf(params string[] args)
    {
        var all = new List<string>(args) { "-WhatIf" };
        return FlashScript.Run(all);
    }

    [TestMethod]
    public void Default_FlashesRuntimeThenDeploysAt0x1E0000()
    {
        using var f = new FlashFixture();
        var r = WhatIf("-Port", "/dev/ttyUSB0", "-Target", "ESP32_REV3", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{f.Nanoff} --update --target ESP32_REV3 --serialport /dev/ttyUSB0",
                $"{f.Nanoff} --target ESP32_REV3 --serialport /dev/ttyUSB0 --deploy --image '{f.Image}' --address 0x1E0000 --reset",
            },
            r.Lines,
            r.ToString());
        Assert.AreEqual(string.Empty, r.Stderr);
        Assert.IsFalse(File.Exists(f.Log), "WhatIf must not run anything");
    }

    [TestMethod]
    public void NanoDevice_DeploysThroughTheRunningRuntimeWithoutAnAddress()
    {
        using var f = new FlashFixture();
        var r = WhatIf("-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-Mode", "Direct", "-Image", f.Image, "-DeployVia", "NanoDevice", "-Nanoff", f.Nanoff);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{f.Nanoff} --update --target ESP32_PSRAM_REV3 --serialport COM5",
                $"{f.Nanoff} --nanodevice --deploy --serialport COM5 --image '{f.Image}'",
            },
            r.Lines,
            r.ToString());
    }

    [TestMethod]
    public void AddressOverride_FirmwareVersionAndMassErase_AreAllPassedOn()
    {
        using var f = new FlashFixture();
        var r = WhatIf("-Port", "COM5", "-Target", "ESP32_REV0", "-Image", f.Image, "-Address", "0x1c0000",
            "-FirmwareVersion", "1.12.0.4", "-MassErase", "-Nanoff", f.Nanoff);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{f.Nanoff} --update --target ESP32_REV0 --serialport COM5 --fwversion 1.12.0.4 --masserase",
                $"{f.Nanoff} --target ESP32_REV0 --serialport COM5 --deploy --image '{f.Image}' --address 0x1C0000 --reset",
            },
            r.Lines,
            r.ToString());
    }

    [TestMethod]
    public void Config_WithProvisionPort_ProvisionsOverTheSecondUartWithEveryFile()
    {
        using var f = new FlashFixture();
        var r = WhatIf("-Port", "COM5", "-Target", "ESP32_REV3", "-SkipFirmware", "-FirmwareVersion", "1.14.0", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff,
            "-Config", f.Config, "-ProvisionPort", "COM7", "-Ca", f.Ca, "-Cert", f.Ca, "-Key", f.Ca, "-OtaPubKey", f.Ca, "-Sensornode", f.Sensornode);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{f.Nanoff} --target ESP32_REV3 --serialport COM5 --deploy --image '{f.Image}' --address 0x1E0000 --reset",
                $"{f.Sensornode} provision --port COM7 --config {f.Config} --ca {f.Ca} --cert {f.Ca} --key {f.Ca} --ota-pubkey {f.Ca}",
            },
            r.Lines,
            r.ToString());
    }

    [TestMethod]
    public void Config_WithoutProvisionPort_ProvisionsViaNanoffOnTheUsbPort()
    {
        using var f = new FlashFixture();
        string dll = Path.Combine(f.Root, "sensornode.dll");
        File.WriteAllText(dll, string.Empty);
        var r = WhatIf("-Port", "COM5", "-SkipFirmware", "-SkipDeploy", "-Nanoff", f.Nanoff, "-Config", f.Config, "-Sensornode", dll);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(new[] { $"dotnet {dll} provision --via-nanoff --nanoff {f.Nanoff} --port COM5 --config {f.Config}" }, r.Lines, r.ToString());
    }

    [TestMethod]
    public void Config_WithoutSensornode_UsesTheBuiltCli()
    {
        using var f = new FlashFixture();
        var r = WhatIf("-Port", "COM5", "-SkipFirmware", "-SkipDeploy", "-Nanoff", f.Nanoff, "-Configuration", Repo.Configuration, "-Config", f.Config);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        string dll = Repo.Path("tools", "SensorNode.Cli", "bin", Repo.Configuration, "net10.0", "sensornode.dll");
        Assert.IsTrue(File.Exists(dll), "the test project builds the CLI first: " + dll);
        CollectionAssert.AreEqual(new[] { $"dotnet {dll} provision --via-nanoff --nanoff {f.Nanoff} --port COM5 --config {f.Config}" }, r.Lines, r.ToString());
    }

    [TestMethod]
    public void NanoffMissing_IsInstalledIntoTheToolPathFirst()
    {
        using var f = new FlashFixture();
        string tools = Path.Combine(f.Root, "tools");
        var r = WhatIf("-Port", "COM5", "-Target", "ESP32_REV3", "-SkipFirmware", "-FirmwareVersion", "1.17.0", "-Image", f.Image, "-NanoffToolPath", tools);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"dotnet tool install --tool-path {tools} nanoff",
                $"{Path.Combine(tools, "nanoff")} --target ESP32_REV3 --serialport COM5 --deploy --image '{f.Image}' --address 0x1E0000 --reset",
            },
            r.Lines,
            r.ToString());
    }

    [TestMethod]
    public void NanoffInToolPath_IsUsed_AndUpdateNanoffUpdatesItFirst()
    {
        using var f = new FlashFixture();
        string tools = Path.Combine(f.Root, "tools");
        Directory.CreateDirectory(tools);
        string nanoff = Path.Combine(tools, "nanoff");
        f.WriteFakeTool(nanoff, 0);

        var found = WhatIf("-Port", "COM5", "-Target", "ESP32_REV3", "-SkipDeploy", "-NanoffToolPath", tools, "-NoInstall");
        Assert.AreEqual(0, found.ExitCode, found.ToString());
        CollectionAssert.AreEqual(new[] { $"{nanoff} --update --target ESP32_REV3 --serialport COM5" }, found.Lines, found.ToString());

        var updated = WhatIf("-Port", "COM5", "-Target", "ESP32_REV3", "-SkipDeploy", "-NanoffToolPath", tools, "-UpdateNanoff");
        Assert.AreEqual(0, updated.ExitCode, updated.ToString());
        CollectionAssert.AreEqual(
            new[] { $"dotnet tool update --tool-path {tools} nanoff", $"{nanoff} --update --target ESP32_REV3 --serialport COM5" },
            updated.Lines,
            updated.ToString());
    }

    [TestMethod]
    public void ArgumentsWithSpacesOrQuotes_AreSingleQuoted()
    {
        using var f = new FlashFixture();
        var r = WhatIf("-Port", "it's port", "-Target", "ESP32_PICO", "-SkipDeploy", "-Nanoff", f.Nanoff);
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(new[] { $"{f.Nanoff} --update --target ESP32_PICO --serialport 'it''s port'" }, r.Lines, r.ToString());
    }
}
