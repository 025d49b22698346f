using System.Collections.Generic;
using SensorNode.Core.Ports;

namespace SensorNode.Tests.Ota;

/// <summary>Records OTA reports as "state version [detail]" lines, as the MQTT layer would publish them.</summary>
internal sealed class RecordingReporter : IOtaReporter
{
    public List<string> Events { get; } = new();

    public void Downloading(string version, int percent, int bytes, int totalBytes) => Events.Add($"downloading {version} {percent}");

    public void Verifying(string version) => Events.Add($"verifying {version}");

    public void Trial(string version) => Events.Add($"trial {version}");

    public void Confirmed(string version) => Events.Add($"confirmed {version}");

    public void Rejected(string version, string reason) => Events.Add($"rejected {version} {reason}");

    public void Failed(string version, string reason) => Events.Add($"failed {version} {reason}");

    public void RolledBack(string version, string reason) => Events.Add($"rolled_back {version} {reason}");
}
