using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Flash;

/// <summary>
/// flash.ps1 refuses, before running anything, what cannot work on the target: an image larger than the deployment
/// partition, a flash size upstream has no table for, an OTA image larger than one slot, the loader on a target
/// without PSRAM. Each refusal names both sizes (or the reason) in one line.
/// </summary>
[TestClass]
public sealed class FlashRefusalTests
{
    private static void AssertRefused(FlashScript.Result r, int exitCode, string message)
    {
        Assert.AreEqual(exitCode, r.ExitCode, r.ToString());
        Assert.AreEqual(string.Empty, r.Stdout, "nothing may be planned after a refusal");
        string[] lines = r.Stderr.TrimEnd().Split('\n').Where(l => !l.Contains('*') && !l.Contains("WARNING")).ToArray();
        Assert.AreEqual(1, lines.Length, r.Stderr);
        StringAssert.Contains(lines[0], message);
    }

    [TestMethod]
    public void ImageLargerThanTheDeployPartition_NamesBothSizes()
    {
        using var f = new FlashFixture();
        File.WriteAllBytes(f.Image, new byte[70000]);
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-FlashSize", "2", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 10,
            "flash.ps1: SensorNode.Device.bin is 70000 bytes (68.4 KB) but the deployment partition of esp32 with 2 MB flash, current firmware is 65536 bytes (64 KB) (at 0x1E0000");

        File.WriteAllBytes(f.Image, new byte[0x1C0000 + 1]);
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 10,
            "is 1835009 bytes (1792 KB) but the deployment partition of esp32 with 4 MB flash, current firmware is 1835008 bytes (1792 KB)");
        var fits = FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-FlashSize", "4", "-FirmwareVersion", "1.12.4", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" });
        Assert.AreEqual(0, fits.ExitCode, "1.12 firmware had a 0x1E0000-byte partition at 0x1C0000: " + fits);
    }

    [TestMethod]
    public void FlashSizeWithoutAnUpstreamTable_IsRefused()
    {
        using var f = new FlashFixture();
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_C6_THREAD", "-FlashSize", "2", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 10,
            "ESP32_C6_THREAD (esp32c6) has no partition table for 2 MB flash in current firmware (upstream has 4, 8, 16 MB)");
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-FlashSize", "3", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 2,
            "-FlashSize must be 2, 4, 8, 16 or 32 (MB), got 3");
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-FirmwareVersion", "latest", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 2,
            "-FirmwareVersion must look like 1.14.0");
    }

    [TestMethod]
    public void AddressDemandedWhereTheTableCannotKnow_IsAUsageError()
    {
        using var f = new FlashFixture();
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-SkipFirmware", "-DeployVia", "Address", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf" }), 2,
            "no deploy address for 'ESP32_REV3': the firmware on the device is unknown (-SkipFirmware without -FirmwareVersion); pass -Address 0x... from your firmware's partition table, or -DeployVia NanoDevice");
    }

    [TestMethod]
    public void UpdatableOnATargetWithoutPsram_IsRefused()
    {
        using var f = new FlashFixture();
        AssertRefused(FlashScript.Run(new[] { "-Port", "COM5", "-Target", "ESP32_REV3", "-Mode", "Updatable", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff, "-WhatIf" }), 10,
            "ESP32_REV3 cannot run the OTA loader: its firmware does not use PSRAM (sdkconfig.default_nopsram_rev3.esp32)");
    }

    [TestMethod]
    public void ImageLargerThanOneSlot_NamesBothSizes_AndFitsWithMoreFlash()
    {
        using var f = new FlashFixture();
        File.WriteAllBytes(Path.Combine(f.BuildOutput, "SensorNode.Loader.bin"), new byte[4]);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.Path("firmware", "deployments.json")));
        string[] image = doc.RootElement.GetProperty("image").EnumerateArray().Select(e => e.GetString()!).ToArray();
        foreach (string name in image)
        {
            File.WriteAllBytes(Path.Combine(f.BuildOutput, name + ".pe"), new byte[50000]);
        }

        long signed = 96 + 72 + 384 + (36 * image.Length) + (50000L * image.Length);
        string[] args = { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff, "-Sensornode", f.Sensornode, "-Board", "esp32-devkitc-ve", "-WhatIf" };
        AssertRefused(FlashScript.Run(args), 10,
            $"the signed image would be at least {signed} bytes ({System.Math.Round(signed / 1024.0, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} KB) but one OTA slot of esp32 with 4 MB flash, current firmware holds 0 bytes (0 KB) (I:\\ is 262144 bytes (256 KB), two slots beside 256 KB of state)");
        var eight = FlashScript.Run(args.Concat(new[] { "-FlashSize", "8" }).ToArray());
        Assert.AreEqual(0, eight.ExitCode, eight.ToString());
    }

    [TestMethod]
    public void SlotBudgetOnEightMegabytes_IsTheBoardProfilesOtaSlotKb()
    {
        // One rule (docs/spec/ota-slots.md §11): flash.ps1's budget for the reference board's flash equals its profile's.
        string profile = File.ReadAllText(Repo.Path("hardware", "boards", "esp32-devkitc-ve", "board.profile"));
        long slotBytes = 1024L * long.Parse(profile.Split('\n').Single(l => l.StartsWith("ota_slot_kb", StringComparison.Ordinal)).Split('=')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var f = new FlashFixture();
        File.WriteAllBytes(Path.Combine(f.BuildOutput, "SensorNode.Loader.bin"), new byte[4]);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.Path("firmware", "deployments.json")));
        string[] image = doc.RootElement.GetProperty("image").EnumerateArray().Select(e => e.GetString()!).ToArray();
        foreach (string name in image)
        {
            File.WriteAllBytes(Path.Combine(f.BuildOutput, name + ".pe"), new byte[(slotBytes / image.Length) + 1]);
        }

        string[] args = { "-Port", "COM5", "-Target", "ESP32_PSRAM_REV3", "-FlashSize", "8", "-BuildOutput", f.BuildOutput, "-Nanoff", f.Nanoff, "-Sensornode", f.Sensornode, "-Board", "esp32-devkitc-ve", "-WhatIf" };
        AssertRefused(FlashScript.Run(args), 10, $"but one OTA slot of esp32 with 8 MB flash, current firmware holds {slotBytes} bytes");
    }
}
