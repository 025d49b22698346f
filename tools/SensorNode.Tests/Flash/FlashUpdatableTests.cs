using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Tests.Provisioning;

namespace SensorNode.Tests.Flash;

/// <summary>
/// flash.ps1 -Mode Updatable: runtime, loader, slot A image signed with the fleet key (or the test key, loudly),
/// placed with nanoff --filedeployment and read back, then provisioning with the same nanoff.
/// </summary>
[TestClass]
public sealed class FlashUpdatableTests
{
    private static string[] ImageAssemblies()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Repo.Path("firmware", "deployments.json")));
        return doc.RootElement.GetProperty("image").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static void AddBuildOutput(FlashFixture f, int peBytes = 1000)
    {
        File.WriteAllBytes(Path.Combine(f.BuildOutput, "SensorNode.Loader.bin"), new byte[] { 0x4E, 0x46, 0x4D, 0x52 });
        foreach (string name in ImageAssemblies())
        {
            File.WriteAllBytes(Path.Combine(f.BuildOutput, name + ".pe"), new byte[peBytes]);
        }
    }

    private static string Q(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;

    private static string Inputs(FlashFixture f) => string.Join(" ", ImageAssemblies().Select(n => "--input " + Q(Path.Combine(f.BuildOutput, n + ".pe"))));

    [TestMethod]
    public void PsramTarget_DefaultsToUpdatable_PrintsEveryStep_AndWarnsLoudlyAboutTheTestKey()
    {
        using var f = new FlashFixture();
        AddBuildOutput(f);
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-FlashSize", "8", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff,
            "-Sensornode", f.Sensornode, "-Board", "esp32-devkitc-ve", "-Config", f.Config, "-Ca", f.Ca, "-WhatIf" });
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        string slot = Path.Combine(f.BuildOutput, "ota-slot-a");
        CollectionAssert.AreEqual(
            new[]
            {
                $"{f.Nanoff} --update --target ESP32_PSRAM_REV3 --serialport COM5",
                $"{f.Nanoff} --target ESP32_PSRAM_REV3 --serialport COM5 --deploy --image {Q(Path.Combine(f.BuildOutput, "SensorNode.Loader.bin"))} --address 0x1E0000 --reset",
                $"{f.Sensornode} ota sign --key {Repo.Path("docs", "spec", "vectors", "ota", "test-private.pem")} --version 1.0.0 --security-counter 1 --board esp32-devkitc-ve {Inputs(f)} --output {Q(Path.Combine(slot, "ota-a.img"))}",
                $"{f.Nanoff} --filedeployment {Q(Path.Combine(slot, "slot-a.json"))}",
                $"{f.Sensornode} provision --via-nanoff --nanoff {f.Nanoff} --port COM5 --config {f.Config} --ca {f.Ca}",
            },
            r.Lines,
            r.ToString());
        StringAssert.Contains(r.Stderr, "WARNING: slot A is signed with the repository's PUBLIC TEST KEY");
        Assert.IsFalse(File.Exists(f.Log), "WhatIf must not run anything");
        Assert.IsFalse(Directory.Exists(slot), "WhatIf must not write anything");
    }

    [TestMethod]
    public void FleetKey_SignsWithIt_WithoutTheWarning_AndNeedsItsPublicKeyToProvision()
    {
        using var f = new FlashFixture();
        AddBuildOutput(f);
        string key = Path.Combine(f.Root, "fleet.pem");
        File.WriteAllText(key, "key");
        File.WriteAllText(f.Config, "{ \"boardProfile\": \"esp32-wrover-e\" }");
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-FlashSize", "8", "-SkipFirmware", "-FirmwareVersion", "1.17.0",
            "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff, "-Sensornode", f.Sensornode, "-FleetKey", key, "-ImageVersion", "2.1.0", "-SecurityCounter", "5",
            "-Config", f.Config, "-OtaPubKey", f.Ca, "-WhatIf" });
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        Assert.AreEqual(string.Empty, r.Stderr);
        StringAssert.StartsWith(r.Lines[1], $"{f.Sensornode} ota sign --key {key} --version 2.1.0 --security-counter 5 --board esp32-wrover-e --input ");
        StringAssert.EndsWith(r.Lines[3], $"--ota-pubkey {f.Ca}");

        var noPub = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-FlashSize", "8", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff,
            "-Sensornode", f.Sensornode, "-FleetKey", key, "-Config", f.Config, "-WhatIf" });
        Assert.AreEqual(2, noPub.ExitCode, noPub.ToString());
        StringAssert.Contains(noPub.Stderr, "-FleetKey needs -OtaPubKey");
    }

    [TestMethod]
    public void Direct_OnAPsramTarget_IsAnExplicitChoice()
    {
        using var f = new FlashFixture();
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-Mode", "Direct", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" });
        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                $"{f.Nanoff} --update --target ESP32_PSRAM_REV3 --serialport COM5",
                $"{f.Nanoff} --target ESP32_PSRAM_REV3 --serialport COM5 --deploy --image '{f.Image}' --address 0x1E0000 --reset",
            },
            r.Lines,
            r.ToString());
    }

    [TestMethod]
    public void Run_SignsPlacesSlotA_ReadsNanoffsReportBack_AndProvisionsWithTheSameNanoff()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the fake nanoff is a python script");
        }

        using var f = new FlashFixture();
        AddBuildOutput(f);
        string nanoff = FakeNanoff.Write(f.Root, "nanoff-py");
        string cli = Repo.Path("tools", "SensorNode.Cli", "bin", Repo.Configuration, "net10.0", "sensornode.dll");
        File.WriteAllText(f.Config, Fixtures.NodeJson(extra: ", \"configVersion\": 3"));
        string ca = Path.Combine(f.Root, "ca-real.pem");
        File.WriteAllText(ca, Fixtures.Pem("CERTIFICATE", 2));
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-FlashSize", "8", "-BuildOutput", f.BuildOutput, "-Nanoff", nanoff,
            "-Sensornode", cli, "-Board", "esp32-devkitc-ve", "-Config", f.Config, "-Ca", ca });
        Assert.AreEqual(0, r.ExitCode, r.ToString());

        string slot = Path.Combine(f.BuildOutput, "ota-slot-a");
        string image = Path.Combine(slot, "ota-a.img");
        Assert.IsTrue(File.Exists(image), r.ToString());
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(slot, "slot-a.json"))))
        {
            Assert.AreEqual("COM5", doc.RootElement.GetProperty("serialport").GetString());
            var file = doc.RootElement.GetProperty("files")[0];
            Assert.AreEqual(@"I:\ota-a.img", file.GetProperty("DestinationFilePath").GetString());
            Assert.AreEqual(image, file.GetProperty("SourceFilePath").GetString());
        }

        string[] calls = FakeNanoff.Calls(nanoff);
        Assert.AreEqual(4, calls.Length, string.Join("\n", calls));
        StringAssert.StartsWith(calls[0], "--update --target ESP32_PSRAM_REV3");
        StringAssert.StartsWith(calls[1], "--target ESP32_PSRAM_REV3 --serialport COM5 --deploy --image");
        Assert.AreEqual($"--filedeployment {Path.Combine(slot, "slot-a.json")}", calls[2]);
        StringAssert.StartsWith(calls[3], "--filedeployment ", "provisioning ran the nanoff flash.ps1 used");
        StringAssert.Contains(r.Stdout, @"slot A: nanoff reported I:\ota-a.img deployed");
        StringAssert.Contains(r.Stdout, "nanoff reported all 2 file(s) deployed");

        var verify = Cli.CliRunner.Run("ota", "verify", "--pubkey", Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem"), "--input", image);
        Assert.AreEqual(0, verify.ExitCode, verify.Stdout + verify.Stderr);
    }

    [TestMethod]
    public void Run_SlotANotReportedDeployed_Exits8_NamingTheFile_AndDoesNotProvision()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the fake nanoff is a python script");
        }

        using var f = new FlashFixture();
        AddBuildOutput(f);
        string nanoff = FakeNanoff.Write(f.Root, "nanoff-py", errorFor: @"I:\ota-a.img");
        string cli = Repo.Path("tools", "SensorNode.Cli", "bin", Repo.Configuration, "net10.0", "sensornode.dll");
        var r = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-FlashSize", "8", "-SkipFirmware", "-FirmwareVersion", "1.14.0",
            "-BuildOutput", f.BuildOutput, "-Nanoff", nanoff, "-Sensornode", cli, "-Board", "esp32-devkitc-ve", "-Config", f.Config });
        Assert.AreEqual(8, r.ExitCode, r.ToString());
        StringAssert.Contains(r.Stderr, @"nanoff did not report these files as deployed: I:\ota-a.img");
        Assert.AreEqual(2, FakeNanoff.Calls(nanoff).Length, "provisioning must not run after slot A failed");
    }
}
