using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;
using SensorNode.Host.Duty;

namespace SensorNode.Tests.Duty;

[TestClass]
public sealed class PowerModelTests
{
    [TestMethod]
    public void Defaults_FiveMinuteBatchesOfTwelve_MatchHandCalculation()
    {
        PowerEstimate e = PowerModel.Estimate(new PowerInputs());

        // 86400 / 300 = 288 wakes; radio every min(12, 3600/300, 3600/300) = 12 wakes -> 24 a day.
        Assert.AreEqual(288, e.WakesPerDay, 1e-9);
        Assert.AreEqual(12, e.RadioEveryWakes);
        Assert.AreEqual(24, e.RadioWakesPerDay, 1e-9);

        // Sample wakes: 288 x (400 + 100) ms x 50 mA = 7200 mAs. Radio: 24 x (700 + 2000 + 150 + 500) ms x 120 mA
        // = 9648 mAs. Awake 144 + 80.4 = 224.4 s; sleep (86400 - 224.4) s x 0.010 mA = 861.756 mAs.
        Assert.AreEqual(17709.756, e.ChargePerDayMilliampSeconds, 1e-6);
        Assert.AreEqual(17709.756 / 86400, e.AverageCurrentMilliamps, 1e-12);

        // 2500 mAh x 0.8 / 0.20497 mA / 24 h = 406.6 days.
        Assert.AreEqual(2500 * 0.8 / (17709.756 / 86400) / 24, e.BatteryLifeDays, 1e-9);
        Assert.AreEqual(406.6, e.BatteryLifeDays, 0.05);

        // Flash: 288 + 24 = 312 appends and 288 filter-state replaces = 600 writes; records 288 x (44 + 72) + 24 x 72
        // = 35136 B plus 288 x 666 B of filters.bin (12 + 5 x (2 + 4 x 32) + 4) = 226944 B of data;
        // programmed 35136 + 312 x (2048 + 64) + 288 x (4096 + 64) = 1892160 B/day;
        // 262144 x 100000 / 1892160 / 365.25 = 37.9 years.
        Assert.AreEqual(666, new PowerInputs().FilterStateBytes);
        Assert.AreEqual(600, e.FlashWritesPerDay, 1e-9);
        Assert.AreEqual(226944, e.FlashDataBytesPerDay, 1e-9);
        Assert.AreEqual(1892160, e.FlashProgrammedBytesPerDay, 1e-9);
        Assert.AreEqual(37.9, e.YearsToWearOut, 0.05);
    }

    [TestMethod]
    public void EveryWake_TheEsphomeStyleComparison()
    {
        PowerEstimate e = PowerModel.EstimateEveryWake(new PowerInputs());

        // Radio 288 x 3.35 s x 120 mA = 115776 mAs; sleep (86400 - 144 - 964.8) x 0.010 = 852.912 mAs.
        Assert.AreEqual(7200 + 115776 + 852.912, e.ChargePerDayMilliampSeconds, 1e-6);
        Assert.AreEqual(58.1, e.BatteryLifeDays, 0.05);
        Assert.AreEqual(576 + 288, e.FlashWritesPerDay, 1e-9);
    }

    [TestMethod]
    [DataRow(300, 12, 3600, 0, 12)]
    [DataRow(300, 100, 3600, 0, 12)]
    [DataRow(300, 100, 3601, 0, 13)]
    [DataRow(60, 100, 100000, 600, 10)]
    [DataRow(600, 5, 60, 0, 1)]
    public void RadioPeriod_FollowsThePublishPolicy(int interval, int publishEvery, int maxLatency, int commandWindow, int expected)
    {
        var p = new PowerInputs { IntervalSeconds = interval, PublishEvery = publishEvery, MaxLatencySeconds = maxLatency, CommandWindowSeconds = commandWindow };
        Assert.AreEqual(expected, PowerModel.RadioPeriodWakes(p));
    }

    [TestMethod]
    public void BoardProfile_IsReadByTheCoresParser_WithTheTimingKeys()
    {
        string path = Path.Combine(Path.GetTempPath(), "sn-profile-" + Guid.NewGuid().ToString("N") + ".profile");
        string text = File.ReadAllText(Repo.Path("hardware", "boards", "esp32-devkitc", "board.profile"))
            .Replace("sleep_current_ua = 6000", "sleep_current_ua = 150", StringComparison.Ordinal) + "boot_ms = 350\ntls_handshake_ms = 1500\n";
        File.WriteAllText(path, text);
        try
        {
            BoardProfile b = BoardProfile.Load(path);
            Assert.AreEqual(150, b.SleepCurrentMicroamps);
            Assert.AreEqual(250, b.TxCurrentMilliamps);
            Assert.AreEqual(110, b.ActiveCurrentMilliamps);
            Assert.AreEqual(350, b.BootMilliseconds);
            Assert.AreEqual(1500, b.TlsHandshakeMilliseconds);
            Assert.AreEqual(700, b.WifiConnectMilliseconds, "an optional key left out takes the spec's default");

            // The core's parser is strict, as on the node: an unknown key is refused, naming the line.
            File.WriteAllText(path, text + "name = devkitc\n");
            int line = (text + "name = devkitc\n").Split('\n').Length - 1;
            var ex = Assert.ThrowsExactly<FormatException>(() => BoardProfile.Load(path));
            StringAssert.Contains(ex.Message, $"{path}:{line}: not a valid board profile (unknown key");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Cli_PrintsTheTable_WithOverrides()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = Program.Run(new[] { "power", "--interval", "300", "--publish-every", "12", "--sleep-ua", "150" }, output, error);
        Assert.AreEqual(0, rc, error.ToString());
        string text = output.ToString();
        StringAssert.Contains(text, "radio wakes / day");
        StringAssert.Contains(text, "years to flash wear-out");

        // Sleep at 150 uA: 7200 + 9648 + 86175.6 x 0.150 = 29774.34 mAs -> 0.345 mA.
        StringAssert.Contains(text, "0.345 mA");
    }

    [TestMethod]
    public void Cli_NodeJson_SuppliesTheNodeConfig()
    {
        string path = Path.Combine(Path.GetTempPath(), "sn-node-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\"SampleIntervalSeconds\": 60, \"publish_every\": 30, \"MaxLatencySeconds\": 3600, \"node_id\": \"x\"}");
        try
        {
            var output = new StringWriter();
            int rc = Program.Run(new[] { "power", "--config", path, "--command-window", "0" }, output, new StringWriter());
            Assert.AreEqual(0, rc);
            StringAssert.Contains(output.ToString(), "interval 60 s, publish every 30");
            StringAssert.Contains(output.ToString(), "30 wakes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    [DataRow("file")]
    [DataRow("folder")]
    [DataRow("name")]
    public void Cli_BoardProfile_ByFileFolderOrBuiltInName_ReadsTheHardwareFigures(string how)
    {
        string value = how switch
        {
            "file" => Repo.Path("hardware", "boards", "esp32-devkitc", "board.profile"),
            "folder" => Repo.Path("hardware", "boards", "esp32-devkitc"),
            _ => "esp32-devkitc",
        };
        var output = new StringWriter();
        var error = new StringWriter();

        int rc = Program.Run(new[] { "power", "--board-profile", value }, output, error);

        Assert.AreEqual(0, rc, error.ToString());
        StringAssert.Contains(output.ToString(), "sleep 6000 uA, active 110 mA, radio 250 mA");
    }

    [TestMethod]
    public void Cli_NodeExample_UsesTheBoardItNames()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int rc = Program.Run(new[] { "power", "--config", Repo.Path("docs", "node.example.json") }, output, error);

        Assert.AreEqual(0, rc, error.ToString());
        StringAssert.Contains(output.ToString(), "board:  esp32-devkitc: sleep 6000 uA, active 110 mA, radio 250 mA");
        StringAssert.Contains(output.ToString(), "interval 300 s, publish every 4, max latency 3600 s");
    }

    [TestMethod]
    [DataRow("--interval", "0", "--interval must be between 1 and 86400")]
    [DataRow("--sleep-ua", "-3", "--sleep-ua must be a non-negative number")]
    [DataRow("--board-profile", "/nonexistent/profile.txt", "--board-profile: '/nonexistent/profile.txt' is not a profile file, a board folder or a built-in board")]
    [DataRow("--config", "/nonexistent/node.json", "cannot read node config")]
    [DataRow("--bogus", "1", "unknown option --bogus")]
    public void Cli_BadInput_OneLineOnStderr_Exit2(string option, string value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = Program.Run(new[] { "power", option, value }, output, error);
        Assert.AreEqual(2, rc);
        Assert.AreEqual("", output.ToString());
        StringAssert.Contains(error.ToString(), message);
        Assert.AreEqual(1, error.ToString().TrimEnd().Split('\n').Length);
    }
}
