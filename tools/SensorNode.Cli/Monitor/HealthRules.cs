using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>Turns a node's health and payload problems into warnings a person should look at.</summary>
internal static class HealthRules
{
    /// <summary>Below this the Wi-Fi link is unreliable (typical ESP32 reception floor is about -90 dBm).</summary>
    public const int WeakRssiDbm = -80;

    /// <summary>Below this the nanoFramework heap is close to failing TLS (two 16.7 KB buffers per connection).</summary>
    public const int LowFreeMemoryBytes = 40000;

    /// <summary>At or above this the retained ring buffer is close to dropping readings.</summary>
    public const int HighBufferFillPercent = 80;

    private static readonly string[] BadResetReasons = { "panic", "brownout", "wdt", "watchdog", "exception" };

    /// <summary>Warnings for <paramref name="node"/> at <paramref name="now"/> (lateness needs the time).</summary>
    public static List<string> Warnings(NodeState node, DateTimeOffset now)
    {
        var warnings = new List<string>();
        foreach (string error in node.PayloadErrors.Values)
        {
            warnings.Add(error);
        }

        if (node.Health.TryGetValue(MqttContract.Level.Key, out JsonElement level) && Json.Display(level) is string levelText && levelText != "ok")
        {
            warnings.Add($"health level {levelText}");
        }

        // mqtt.md §3.2: a sleeping node is late only after next_wake + sleep_s.
        if (node.Status == MqttContract.Sleeping
            && node.Sleep.TryGetValue(MqttContract.NextWake.Key, out JsonElement nextWake) && Json.AsNumber(nextWake) is double nextWakeMs
            && node.Sleep.TryGetValue(MqttContract.SleepSeconds.Key, out JsonElement sleep) && Json.AsNumber(sleep) is double sleepSeconds
            && now.ToUnixTimeMilliseconds() > nextWakeMs + (sleepSeconds * 1000))
        {
            string expected = DateTimeOffset.FromUnixTimeMilliseconds((long)nextWakeMs).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            warnings.Add($"late: expected to wake at {expected}");
        }

        if (node.Status is not (MqttContract.Online or MqttContract.Offline or MqttContract.Sleeping or MqttContract.Unknown))
        {
            warnings.Add($"unknown status '{node.Status}'");
        }

        if (Number(node, MqttContract.Rssi) is double rssi && rssi < WeakRssiDbm)
        {
            warnings.Add($"weak Wi-Fi signal ({Format(rssi)} dBm)");
        }

        if (Number(node, MqttContract.FreeMemory) is double free && free < LowFreeMemoryBytes)
        {
            warnings.Add($"low free memory ({Format(free)} bytes)");
        }

        if (Number(node, MqttContract.BufferFill) is double fill && Number(node, MqttContract.BufferCapacity) is double capacity
            && capacity > 0 && fill * 100 >= HighBufferFillPercent * capacity)
        {
            warnings.Add($"buffer {Format(fill)}/{Format(capacity)} readings ({Format(System.Math.Floor(fill * 100 / capacity))}%) full");
        }

        if (Number(node, MqttContract.Dropped) is double dropped && dropped > 0)
        {
            warnings.Add($"{Format(dropped)} readings dropped");
        }

        if (node.Health.TryGetValue(MqttContract.SensorErrors.Key, out JsonElement errors))
        {
            AddSensorErrors(errors, warnings);
        }

        if (node.Health.TryGetValue(MqttContract.ResetReason.Key, out JsonElement reset))
        {
            string reason = Json.Display(reset);
            foreach (string bad in BadResetReasons)
            {
                if (reason.Contains(bad, StringComparison.OrdinalIgnoreCase))
                {
                    warnings.Add($"last reset: {reason}");
                    break;
                }
            }
        }

        // The last update order failed: it stays in the retained report until the next order (mqtt.md §11).
        if (node.Ota.TryGetValue(MqttContract.OtaState.Key, out JsonElement otaState) && Json.Display(otaState) is "rejected" or "rolled_back")
        {
            string version = node.Ota.TryGetValue(MqttContract.OtaVersion.Key, out JsonElement v) ? Json.Display(v) : "?";
            string reason = node.Ota.TryGetValue(MqttContract.OtaReason.Key, out JsonElement r) ? Json.Display(r) : "no reason given";
            warnings.Add($"update {version} {(Json.Display(otaState) == "rejected" ? "rejected" : "rolled back")}: {reason}");
        }

        return warnings;
    }

    private static void AddSensorErrors(JsonElement errors, List<string> warnings)
    {
        if (Json.AsNumber(errors) is double total)
        {
            if (total > 0)
            {
                warnings.Add($"sensor errors: {Format(total)}");
            }

            return;
        }

        if (errors.ValueKind == JsonValueKind.Object)
        {
            var parts = new List<string>();
            foreach (JsonProperty p in errors.EnumerateObject())
            {
                if (Json.AsNumber(p.Value) is double n && n > 0)
                {
                    parts.Add($"{p.Name} {Format(n)}");
                }
            }

            if (parts.Count > 0)
            {
                warnings.Add("sensor errors: " + string.Join(", ", parts));
            }
        }
    }

    private static double? Number(NodeState node, MqttField field) =>
        node.Health.TryGetValue(field.Key, out JsonElement e) ? Json.AsNumber(e) : null;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
