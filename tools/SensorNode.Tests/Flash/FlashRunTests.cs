using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Flash;

/// <summary>flash.ps1 without -WhatIf, against fake nanoff/sensornode scripts that log their arguments.</summary>
[TestClass]
public sealed class FlashRunTests
{
    [TestMethod]
    public void Run_CallsEachToolInOrderWithThePlannedArguments()
    {
        if (System.OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the fake tools are bash scripts");
        }

        using var f = new FlashFixture();
        var r = FlashScript.Run(new[] { "-Port", "/dev/ttyUSB0", "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", f.Nanoff,
            "-Config", f.Config, "-ProvisionPort", "/dev/ttyUSB1", "-Sensornode", f.Sensornode });
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                "nanoff --update --target ESP32_REV3 --serialport /dev/ttyUSB0",
                $"nanoff --target ESP32_REV3 --serialport /dev/ttyUSB0 --deploy --image {f.Image} --address 0x1E0000 --reset",
                $"sensornode provision --port /dev/ttyUSB1 --config {f.Config}",
            },
            File.ReadAllLines(f.Log));
        StringAssert.StartsWith(r.Lines[0], $"> {f.Nanoff} --update");
    }

    [TestMethod]
    public void FailingNanoff_Exits8_AndStopsBeforeTheNextStep()
    {
        if (System.OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the fake tools are bash scripts");
        }

        using var f = new FlashFixture();
        f.WriteFakeTool(f.Nanoff, 3);
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", f.Nanoff });
        Assert.AreEqual(8, r.ExitCode, r.ToString());
        StringAssert.Contains(r.Stderr, $"step failed with exit code 3: {f.Nanoff} --update");
        Assert.AreEqual(1, File.ReadAllLines(f.Log).Length, "deploy must not run after a failed update");
    }

    [TestMethod]
    public void FailingProvisioning_Exits9()
    {
        if (System.OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the fake tools are bash scripts");
        }

        using var f = new FlashFixture();
        f.WriteFakeTool(f.Sensornode, 1);
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-SkipFirmware", "-SkipDeploy", "-Nanoff", f.Nanoff, "-Config", f.Config, "-Sensornode", f.Sensornode });
        Assert.AreEqual(9, r.ExitCode, r.ToString());
        StringAssert.Contains(r.Stderr, "step failed with exit code 1: " + f.Sensornode + " provision --via-nanoff --nanoff " + f.Nanoff + " --port COM5");
    }
}
