using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Flash;

/// <summary>
/// Each row of tools/flash/esp32-partitions.csv, through flash.ps1 -WhatIf: the deploy address for a target, flash
/// size and firmware version, restated here from nf-interpreter's partitions_nanoclr_*.csv history (the commit of each
/// is in the table's source column), and "device" where the layout changed inside one version (then flash.ps1 asks
/// the running device with --nanodevice). All cases run in one PowerShell process.
/// </summary>
[TestClass]
public sealed class FlashAddressTableTests
{
    private const string Device = "device";

    // target, flash MB, firmware version, expected deploy address or "device".
    private static readonly (string Target, int FlashMb, string Version, string Expected)[] Rows =
    {
        ("ESP32_REV3", 2, "1.14.0", "0x1E0000"),
        ("ESP32_REV3", 4, "1.14.0.120", "0x1E0000"),
        ("ESP32_BLE_REV3", 8, "1.17.0", "0x1E0000"),
        ("ESP32_REV0", 16, "1.14.0", "0x1E0000"),
        ("ESP32_REV3", 2, "1.12.4", "0x1C0000"),
        ("ESP32_REV3", 4, "1.12.0.4", "0x1C0000"),
        ("ESP32_REV3", 8, "1.10.0", "0x1C0000"),
        ("ESP32_REV3", 16, "1.11.2", "0x1C0000"),
        ("ESP32_REV3", 4, "1.9.1.33", Device),
        ("ESP32_REV3", 2, "1.9.0", "0x1B0000"),
        ("ESP32_REV3", 4, "1.8.1", "0x1B0000"),
        ("ESP32_REV3", 8, "1.7.4", "0x1B0000"),
        ("ESP32_REV3", 16, "1.7.1", "0x1B0000"),
        ("ESP32_REV3", 4, "1.6.4", Device),
        ("ESP32_C3", 2, "1.8.0", "0x1B0000"),
        ("ESP32_C3", 4, "1.14.0", "0x1B0000"),
        ("ESP32_C3", 8, "1.14.0", Device),
        ("ESP32_C3", 16, "1.14.2", Device),
        ("ESP32_C3", 8, "1.15.0", "0x1B0000"),
        ("ESP32_C3", 16, "1.17.0", "0x1B0000"),
        ("ESP32_C5_THREAD", 4, "1.14.0", "0x250000"),
        ("ESP32_C5_THREAD", 8, "1.16.0", "0x250000"),
        ("ESP32_C5_THREAD", 16, "1.17.0", "0x250000"),
        ("ESP32_C6_THREAD", 4, "1.14.0", "0x250000"),
        ("ESP32_C6_THREAD", 8, "1.15.0", "0x250000"),
        ("ESP32_C6_THREAD", 16, "1.17.0", "0x250000"),
        ("ESP32_C6_THREAD", 4, "1.10.0", Device),
        ("ESP32_C61", 4, "1.16.0", "0x250000"),
        ("ESP32_C61", 8, "1.16.0", "0x250000"),
        ("ESP32_C61", 16, "1.17.0", "0x250000"),
        ("ESP32_H2_THREAD", 2, "1.9.1", "0x1C0000"),
        ("ESP32_H2_THREAD", 4, "1.14.0", "0x1C0000"),
        ("ESP32_P4", 4, "1.14.0", "0x1B0000"),
        ("ESP32_P4", 8, "1.14.0", "0x1B0000"),
        ("ESP32_P4_REV_LESS3", 16, "1.16.0", "0x1B0000"),
        ("ESP32_P4", 32, "1.17.0", "0x1B0000"),
        ("ESP32_S2", 4, "1.7.1", "0x1B0000"),
        ("ESP32_S2", 8, "1.10.0", "0x1B0000"),
        ("ESP32_S2", 16, "1.17.0", "0x1B0000"),
        ("ESP32_S3_QUAD", 4, "1.8.1", "0x1B0000"),
        ("ESP32_S3_OCTAL", 8, "1.9.1", "0x1B0000"),
        ("AtomS3", 16, "1.14.0", "0x1B0000"),
        ("ESP32_S3_QUAD", 32, "1.9.1", Device),
        ("ESP32_S3_QUAD", 32, "1.10.0", "0x1B0000"),
    };

    private static readonly Lazy<(FlashFixture Fixture, IReadOnlyList<FlashScript.Result> Results)> Runs = new(() =>
    {
        var f = new FlashFixture();
        var cases = Rows.Select(r => new[]
        {
            "-Port", "COM5", "-Target", r.Target, "-Mode", "Direct", "-FlashSize", r.FlashMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-FirmwareVersion", r.Version, "-SkipFirmware", "-Image", f.Image, "-Nanoff", f.Nanoff, "-WhatIf",
        }).ToList();
        return (f, FlashScript.RunMany(cases));
    });

    [ClassCleanup]
    public static void Cleanup()
    {
        if (Runs.IsValueCreated)
        {
            Runs.Value.Fixture.Dispose();
        }
    }

    [TestMethod]
    public void EveryRow_GivesUpstreamsDeployAddress_OrAsksTheDevice()
    {
        var (f, results) = Runs.Value;
        Assert.AreEqual(Rows.Length, results.Count);
        var wrong = new List<string>();
        for (int i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            var r = results[i];
            string expected = row.Expected == Device
                ? $"{f.Nanoff} --nanodevice --deploy --serialport COM5 --image '{f.Image}'"
                : $"{f.Nanoff} --target {row.Target} --serialport COM5 --deploy --image '{f.Image}' --address {row.Expected} --reset";
            if (r.ExitCode != 0 || r.Lines.Length != 1 || r.Lines[0] != expected)
            {
                wrong.Add($"{row.Target} {row.FlashMb} MB {row.Version}: expected {row.Expected}, got {r}");
            }

            if (row.Expected == Device && !r.Stderr.Contains("deploy address: asking the running device (--nanodevice)", StringComparison.Ordinal))
            {
                wrong.Add($"{row.Target} {row.FlashMb} MB {row.Version}: no note why the device is asked: {r.Stderr}");
            }
        }

        Assert.AreEqual(0, wrong.Count, string.Join("\n", wrong));
    }

    [TestMethod]
    public void EveryDataRowOfTheTable_IsCoveredAbove()
    {
        // Each (series, flash size, version range) row of the CSV must be hit by at least one case above.
        var series = File.ReadAllLines(Repo.Path("tools", "flash", "esp32-targets.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("target,", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => c[1]);
        var rows = File.ReadAllLines(Repo.Path("tools", "flash", "esp32-partitions.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("series,", StringComparison.Ordinal) && l.Length > 0)
            .Select(l => l.Split(','))
            .ToList();
        var uncovered = rows.Where(c => !Rows.Any(r =>
            series[r.Target] == c[0]
            && (c[1] == "*" || c[1] == r.FlashMb.ToString(System.Globalization.CultureInfo.InvariantCulture))
            && V(r.Version) >= Version.Parse(c[2])
            && (c[3].Length == 0 || V(r.Version) < Version.Parse(c[3]))
            && (c[4] == Device ? r.Expected == Device : r.Expected == c[4]))).Select(c => string.Join(",", c.Take(5))).ToList();
        Assert.AreEqual(0, uncovered.Count, "table rows without a test case: " + string.Join("; ", uncovered));
    }

    private static Version V(string text)
    {
        string[] parts = text.Split('.');
        return new Version(int.Parse(parts[0]), int.Parse(parts[1]), parts.Length > 2 ? int.Parse(parts[2]) : 0);
    }
}
