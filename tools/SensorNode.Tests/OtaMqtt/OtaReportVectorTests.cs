using System;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.OtaMqtt;

/// <summary>The named &lt;base&gt;/ota vectors of docs/spec/mqtt.md §11.2 (docs/spec/vectors/mqtt/ota_*.json) against the core's writers.</summary>
[TestClass]
public sealed class OtaReportVectorTests
{
    private static string Vector(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "mqtt", name + ".json")).TrimEnd('\n');

    [DataRow("ota_downloading", OtaReportKind.Downloading, "2.0.0", 40, 8192, 20480, null, "1.0.0")]
    [DataRow("ota_downloading_unknown_total", OtaReportKind.Downloading, "2.0.0", -1, 1024, -1, null, "1.0.0")]
    [DataRow("ota_verifying", OtaReportKind.Verifying, "2.0.0", -1, 0, -1, null, "1.0.0")]
    [DataRow("ota_trial", OtaReportKind.Trial, "2.0.0", -1, 0, -1, null, "2.0.0")]
    [DataRow("ota_confirmed", OtaReportKind.Confirmed, "2.0.0", -1, 0, -1, null, "2.0.0")]
    [DataRow("ota_rejected", OtaReportKind.Rejected, "2.0.0", -1, 0, -1, "hash_mismatch", "1.0.0")]
    [DataRow("ota_rolled_back", OtaReportKind.RolledBack, "2.0.0", -1, 0, -1, "health_check_failed", "1.0.0")]
    [DataRow("ota_failed", OtaReportKind.Failed, "2.0.0", -1, 0, -1, "timeout", "1.0.0")]
    [TestMethod]
    public void OtaVector_MatchesTheWriter(string name, OtaReportKind kind, string version, int percent, int bytes, int total, string? reason, string running)
    {
        byte[] buffer = new byte[MqttOtaReporter.BufferBytes];
        int n = new OtaReportWriter().Write(kind, version, percent, bytes, total, reason!, running, buffer, 0, buffer.Length);
        Assert.AreEqual(Vector(name), Encoding.UTF8.GetString(buffer, 0, n));
    }

    [TestMethod]
    public void OtaReport_TooSmallBuffer_ReportsTheBytesNeeded_EveryPrefixLength()
    {
        byte[] full = new byte[MqttOtaReporter.BufferBytes];
        int needed = new OtaReportWriter().Write(OtaReportKind.Rejected, "2.0.0", -1, 0, -1, "hash_mismatch", "1.0.0", full, 0, full.Length);
        for (int size = 0; size < needed; size++)
        {
            byte[] small = new byte[size];
            Assert.AreEqual(-needed, new OtaReportWriter().Write(OtaReportKind.Rejected, "2.0.0", -1, 0, -1, "hash_mismatch", "1.0.0", small, 0, size), "buffer of " + size);
        }
    }

    [TestMethod]
    public void LongestReport_FitsTheReporterBuffer()
    {
        string longest = new string('9', 32);
        byte[] buffer = new byte[MqttOtaReporter.BufferBytes];
        int n = new OtaReportWriter().Write(OtaReportKind.Downloading, longest, 100, int.MaxValue, int.MaxValue, null!, longest, buffer, 0, buffer.Length);
        Assert.IsTrue(n > 0, "downloading with 32-character versions fits");
        n = new OtaReportWriter().Write(OtaReportKind.RolledBack, longest, -1, 0, -1, "trial_incompatible_firmware", longest, buffer, 0, buffer.Length);
        Assert.IsTrue(n > 0, "rolled_back with the longest reason fits");
    }

    [TestMethod]
    public void BusyResult_MatchesItsVector()
    {
        var command = new Command { Kind = CommandKind.Ota, Id = "u2", ErrorReason = OtaCommandHandler.Busy };
        byte[] buffer = new byte[256];
        int n = new CommandResultWriter().Write(command, CommandStatus.Rejected, buffer, 0, buffer.Length);
        Assert.AreEqual(Vector("ota_result_busy"), Encoding.UTF8.GetString(buffer, 0, n));
    }
}
