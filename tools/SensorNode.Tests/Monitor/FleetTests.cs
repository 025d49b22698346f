using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli.Monitor;

namespace SensorNode.Tests.Monitor;

/// <summary>The fleet model, warnings, sparklines and view without a broker.</summary>
[TestClass]
public sealed class FleetTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Send(Fleet fleet, string topic, string payload) => fleet.Apply(topic, Encoding.UTF8.GetBytes(payload), T0);

    [TestMethod]
    public void History_KeepsTheLastNValuesPerChannel_AndTheViewDrawsThem()
    {
        var fleet = new Fleet("sensornode", 4);
        foreach (double t in new[] { 1.0, 2, 3, 4, 5, 6 })
        {
            Send(fleet, "sensornode/n1/state", $"{{\"temperature\":{t},\"seq\":{t}}}");
        }

        CollectionAssert.AreEqual(new[] { 3.0, 4, 5, 6 }, fleet.Read(nodes => nodes[0].History["temperature"].ToArray()));
        string view = FleetView.Render(fleet, T0);
        StringAssert.Contains(view, "▁▃▆█");
        StringAssert.Contains(view, "n1  unknown  seq 6");
    }

    [TestMethod]
    public void Sparkline_ScalesToTheSeriesRange_AndAFlatSeriesIsMidHeight()
    {
        Assert.AreEqual("▁█", Sparkline.Render(new[] { -5.0, 5.0 }));
        Assert.AreEqual("▅▅▅", Sparkline.Render(new[] { 2.0, 2.0, 2.0 }));
        Assert.AreEqual(string.Empty, Sparkline.Render(Array.Empty<double>()));
    }

    [TestMethod]
    public void Parsing_IsTolerant_OfAliasesStringsUnknownKeysAndGarbage()
    {
        var fleet = new Fleet("sensornode/", 10);
        Send(fleet, "sensornode/n1/state", "{\"temp_c\":\"19.5\",\"unknown\":[1,2],\"anomaly\":1}");
        Send(fleet, "sensornode/n1/health", "{\"rssi\":-50,\"free_heap\":1000,\"buffer_fill\":205,\"buffer_capacity\":256}");
        Send(fleet, "sensornode/n2/health", "[1,2,3]");
        Send(fleet, "sensornode/n3/status", "REBOOTING");
        Assert.IsFalse(fleet.Apply("sensornode/n1/state/extra", new byte[] { 1 }, T0));
        Assert.IsFalse(fleet.Apply("sensornodes/n1/state", new byte[] { 1 }, T0));

        fleet.Read(nodes =>
        {
            Assert.AreEqual(3, nodes.Count);
            Assert.AreEqual(19.5, nodes[0].History["temperature"].Single());
            Assert.AreEqual(true, nodes[0].Anomaly);
            CollectionAssert.AreEquivalent(new[] { "low free memory (1000 bytes)", "buffer 205/256 readings (80%) full" }, HealthRules.Warnings(nodes[0], T0));
            CollectionAssert.AreEqual(new[] { "health payload is not a JSON object" }, HealthRules.Warnings(nodes[1], T0));
            CollectionAssert.AreEqual(new[] { "unknown status 'rebooting'" }, HealthRules.Warnings(nodes[2], T0));
            return 0;
        });
    }

    [TestMethod]
    public void View_HighlightsAnomaliesAndWarnings_InColour()
    {
        var fleet = new Fleet("sensornode", 10);
        Send(fleet, "sensornode/n1/status", "online");
        Send(fleet, "sensornode/n1/state", "{\"crest_factor\":9.5,\"anomaly\":true}");
        Send(fleet, "sensornode/n1/health", "{\"readings_dropped\":2}");
        string view = Terminal(fleet);
        StringAssert.Contains(view, "\u001b[1;91mANOMALY\u001b[0m");
        StringAssert.Contains(view, "\u001b[93m! 2 readings dropped\u001b[0m");
        StringAssert.Contains(view, "\u001b[32monline\u001b[0m");

        string plain = FleetView.Render(fleet, T0);
        StringAssert.Contains(plain, "n1  online  seq — ");
        StringAssert.Contains(plain, "ANOMALY");
        StringAssert.Contains(plain, "  ! 2 readings dropped");
        Assert.IsFalse(plain.Contains('\u001b'), "the plain view has no escape codes");
    }

    // The live view as a 16-colour terminal 120 columns wide gets it.
    private static string Terminal(Fleet fleet)
    {
        var output = new System.IO.StringWriter();
        Spectre.Console.IAnsiConsole console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Spectre.Console.AnsiSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.Standard,
        });
        console.Profile.Width = 120;
        console.Write(FleetTable.Build(fleet, T0));
        return output.ToString();
    }

    [TestMethod]
    public void UpdateReports_FromTheSpecVectors_AreShown_AndAFailedOneIsAWarning()
    {
        string Vector(string name) => System.IO.File.ReadAllText(Repo.Path("docs", "spec", "vectors", "mqtt", name + ".json")).Trim();
        var fleet = new Fleet("sensornode", 10);
        Send(fleet, "sensornode/n1/ota", Vector("ota_downloading"));
        StringAssert.Contains(FleetView.Render(fleet, T0), "  update: downloading 2.0.0 40% (8192/20480 B), running 1.0.0");
        Assert.AreEqual(0, fleet.Read(nodes => HealthRules.Warnings(nodes[0], T0)).Count);

        Send(fleet, "sensornode/n1/ota", Vector("ota_rolled_back"));
        string view = Terminal(fleet);
        StringAssert.Contains(view, "\u001b[93mrolled_back 2.0.0: health_check_failed, running 1.0.0\u001b[0m");
        StringAssert.Contains(view, "! update 2.0.0 rolled back: health_check_failed");

        using var json = System.Text.Json.JsonDocument.Parse(FleetJson.Write(fleet, T0));
        System.Text.Json.JsonElement ota = json.RootElement.GetProperty("nodes")[0].GetProperty("ota");
        Assert.AreEqual("rolled_back", ota.GetProperty("state").GetString());
        Assert.AreEqual("health_check_failed", ota.GetProperty("reason").GetString());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, ota.GetProperty("percent").ValueKind);

        Send(fleet, "sensornode/n1/ota", Vector("ota_confirmed"));
        Assert.AreEqual(0, fleet.Read(nodes => HealthRules.Warnings(nodes[0], T0)).Count);
    }

    [TestMethod]
    public void BufferFill_IsACountOfReadings_JudgedAgainstCapacity()
    {
        var fleet = new Fleet("sensornode", 10);
        Send(fleet, "sensornode/n1/health", "{\"level\":\"ok\",\"buffer_fill\":95,\"buffer_capacity\":256,\"readings_dropped\":0}");
        fleet.Read(nodes =>
        {
            // 95 of 256 readings is 37 %: no warning (it used to be read as 95 %).
            CollectionAssert.AreEqual(Array.Empty<string>(), HealthRules.Warnings(nodes[0], T0));
            return 0;
        });
    }

    [TestMethod]
    public void SleepingNode_IsLateOnlyAfterNextWakePlusSleep()
    {
        var fleet = new Fleet("sensornode", 10);
        long nextWake = T0.ToUnixTimeMilliseconds();
        Send(fleet, "sensornode/n1/sleep", $"{{\"next_wake\":{nextWake},\"sleep_s\":300}}");
        Send(fleet, "sensornode/n1/status", "sleeping");
        fleet.Read(nodes =>
        {
            CollectionAssert.AreEqual(Array.Empty<string>(), HealthRules.Warnings(nodes[0], T0.AddSeconds(300)));
            CollectionAssert.AreEqual(new[] { "late: expected to wake at 2025-01-01T00:00:00Z" }, HealthRules.Warnings(nodes[0], T0.AddSeconds(301)));
            return 0;
        });
        StringAssert.Contains(FleetView.Render(fleet, T0), "next wake 2025-01-01 00:00:00Z");
    }

    [TestMethod]
    public void HealthLevelOtherThanOk_IsAWarning()
    {
        var fleet = new Fleet("sensornode", 10);
        Send(fleet, "sensornode/n1/health", "{\"level\":\"failed\"}");
        fleet.Read(nodes =>
        {
            CollectionAssert.AreEqual(new[] { "health level failed" }, HealthRules.Warnings(nodes[0], T0));
            return 0;
        });
    }
}
