using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>
/// The plain-text view for scripts, pipes and NO_COLOR: one block per node with status, latest values,
/// sparklines and warnings. On a terminal the monitor draws <see cref="FleetTable"/> instead.
/// </summary>
internal static class FleetView
{
    public const string Missing = "—";

    public static string Render(Fleet fleet, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        fleet.Read(nodes =>
        {
            sb.Append(CultureInfo.InvariantCulture, $"sensornode monitor  prefix {fleet.Prefix}  {nodes.Count} node(s)  {now:yyyy-MM-dd HH:mm:ss}Z\n");
            if (nodes.Count == 0)
            {
                sb.Append("  (no node has published yet)\n");
            }

            foreach (NodeState node in nodes)
            {
                string status = node.Status;
                string anomaly = node.Anomaly == true ? "  ANOMALY" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture,
                    $"\n{node.Id}  {status}  seq {Field(node.State, MqttContract.Seq.Key)}  at {Field(node.State, MqttContract.Timestamp.Key)}{anomaly}\n");
                foreach (MqttField channel in MqttContract.Channels)
                {
                    string spark = node.History.TryGetValue(channel.Key, out List<double>? values) ? Sparkline.Render(values) : string.Empty;
                    sb.Append(CultureInfo.InvariantCulture, $"  {channel.Key,-14}{Field(node.State, channel.Key),12}  {spark}\n");
                }

                sb.Append("  health: ").Append(Health(node)).Append('\n');
                if (NextWake(node) is string next)
                {
                    sb.Append("  next wake ").Append(next).Append('\n');
                }

                if (node.Ota.Count > 0)
                {
                    sb.Append("  update: ").Append(Update(node.Ota)).Append('\n');
                }

                foreach (string warning in HealthRules.Warnings(node, now))
                {
                    sb.Append("  ! ").Append(warning).Append('\n');
                }
            }

            return 0;
        });
        return sb.ToString();
    }

    /// <summary>"boot 3, reset power_on, uptime 12 s, rssi -60 dBm, ..." (— where a field is missing).</summary>
    public static string Health(NodeState node) =>
        $"boot {Field(node.Health, MqttContract.BootCount.Key)}, reset {Field(node.Health, MqttContract.ResetReason.Key)}, " +
        $"uptime {Field(node.Health, MqttContract.Uptime.Key)} s, rssi {Field(node.Health, MqttContract.Rssi.Key)} dBm, " +
        $"free {Field(node.Health, MqttContract.FreeMemory.Key)} B, fw {Field(node.Health, MqttContract.FirmwareVersion.Key)}, " +
        $"config {Field(node.Health, MqttContract.ConfigVersion.Key)}, buffer {Field(node.Health, MqttContract.BufferFill.Key)}/{Field(node.Health, MqttContract.BufferCapacity.Key)}, " +
        $"level {Field(node.Health, MqttContract.Level.Key)}";

    /// <summary>"2025-01-01 00:00:00Z" for a sleeping node that announced its next wake, else null.</summary>
    public static string? NextWake(NodeState node) =>
        node.Status == MqttContract.Sleeping && node.Sleep.TryGetValue(MqttContract.NextWake.Key, out JsonElement next) && Json.AsNumber(next) is double nextMs
            ? string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.FromUnixTimeMilliseconds((long)nextMs).UtcDateTime:yyyy-MM-dd HH:mm:ss}Z")
            : null;

    /// <summary>"downloading 2.0.0 40% (8192/20480 B), running 1.0.0" or "rejected 2.0.0: hash_mismatch, running 1.0.0".</summary>
    public static string Update(Dictionary<string, JsonElement> ota)
    {
        string state = Field(ota, MqttContract.OtaState.Key);
        string text = state + " " + Field(ota, MqttContract.OtaVersion.Key);
        if (ota.ContainsKey(MqttContract.OtaPercent.Key) || ota.ContainsKey(MqttContract.OtaBytes.Key))
        {
            text += ota.ContainsKey(MqttContract.OtaPercent.Key) ? " " + Field(ota, MqttContract.OtaPercent.Key) + "%" : string.Empty;
            text += " (" + Field(ota, MqttContract.OtaBytes.Key) + "/" + Field(ota, MqttContract.OtaTotalBytes.Key) + " B)";
        }

        if (ota.ContainsKey(MqttContract.OtaReason.Key))
        {
            text += ": " + Field(ota, MqttContract.OtaReason.Key);
        }

        text += ", running " + Field(ota, MqttContract.OtaRunning.Key);
        return text;
    }

    /// <summary>The field's display text, or — when the node has not sent it.</summary>
    public static string Field(Dictionary<string, JsonElement> source, string key) =>
        source.TryGetValue(key, out JsonElement value) ? Json.Display(value) : Missing;
}
