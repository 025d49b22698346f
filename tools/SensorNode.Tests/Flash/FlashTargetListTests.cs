using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Flash;

/// <summary>
/// The targets flash.ps1 accepts are nf-interpreter's current ESP32 targets (targets/ESP32/CMakePresets.json at
/// a3e8139a1), written down here independently of tools/flash/esp32-targets.csv.
/// </summary>
[TestClass]
public sealed class FlashTargetListTests
{
    private static readonly string[] Upstream =
    {
        "ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3", "ESP32_PSRAM_REV3_IPV6", "ESP32_REV0", "ESP32_REV3", "ESP32_PSRAM_XTAL26_REV0",
        "ESP32_BLE_REV0", "ESP32_BLE_REV3", "ESP32_PICO", "ESP_WROVER_KIT", "ESP32_C3_BETA", "ESP32_C3", "ESP32_C5_THREAD",
        "ESP32_C6_THREAD", "ESP32_C61", "ESP32_H2_THREAD", "ESP32_P4", "ESP32_P4_REV_LESS3", "ESP32_S3_QUAD", "ESP32_S3_OCTAL",
        "M5Stack", "M5Core", "M5Core2", "AtomS3", "ESP32_GenericDisplay_REV0", "ESP32_PSRAM_BLE_GenericGraphic_REV3", "ESP32_LILYGO",
        "ESP32_OLIMEX", "ESP32_OLIMEX_WROVER", "LilygoTWatch2020", "LilygoTWatch2021", "ESP32_ETHERNET_KIT_1.2", "ESP32_WT32_ETH01",
        "ESP32_WESP32", "M5StickC", "M5StickCPlus", "ESP32_S2",
    };

    private static string[][] Table() => File.ReadAllLines(Repo.Path("tools", "flash", "esp32-targets.csv"))
        .Where(l => !l.StartsWith('#') && !l.StartsWith("target,", System.StringComparison.Ordinal) && l.Length > 0)
        .Select(l => l.Split(','))
        .ToArray();

    [TestMethod]
    public void TheTable_IsExactlyUpstreamsCurrentTargets()
    {
        CollectionAssert.AreEquivalent(Upstream, Table().Select(c => c[0]).ToArray());
    }

    [TestMethod]
    public void PsramColumn_FollowsTheTargetsSdkConfig()
    {
        var psram = Table().Where(c => c[2] == "yes").Select(c => c[0]).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3", "ESP32_PSRAM_REV3_IPV6", "ESP32_BLE_REV3", "ESP_WROVER_KIT", "ESP32_S3_OCTAL" }, psram);
        foreach (string none in new[] { "ESP32_REV0", "ESP32_REV3", "ESP32_BLE_REV0", "ESP32_PICO", "ESP32_C3", "ESP32_C6_THREAD", "ESP32_H2_THREAD" })
        {
            CollectionAssert.DoesNotContain(psram, none);
        }
    }

    [TestMethod]
    public void Script_AcceptsEveryCurrentTarget_AndRefusesStaleNames()
    {
        using var f = new FlashFixture();
        var cases = Upstream.Select(t => new[] { "-Port", "COM5", "-Target", t, "-SkipDeploy", "-Nanoff", f.Nanoff, "-WhatIf" })
            .Concat(new[] { "ESP32_WROVER_KIT", "ESP32_REV0_ILI9342", "ESP32_PSRAM_REV3_ILI9341", "ESP32_PSRAM_REV3_ILI9342" }
                .Select(t => new[] { "-Port", "COM5", "-Target", t, "-SkipDeploy", "-Nanoff", f.Nanoff, "-WhatIf" }))
            .ToList();
        var results = FlashScript.RunMany(cases);
        for (int i = 0; i < Upstream.Length; i++)
        {
            Assert.AreEqual(0, results[i].ExitCode, Upstream[i] + ": " + results[i]);
            Assert.AreEqual($"{f.Nanoff} --update --target {Upstream[i]} --serialport COM5", results[i].Lines.Single());
        }

        for (int i = Upstream.Length; i < cases.Count; i++)
        {
            Assert.AreEqual(4, results[i].ExitCode, results[i].ToString());
            StringAssert.Contains(results[i].Stderr, "unknown target");
        }
    }
}
