using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>
/// The `monitor --once --json` snapshot: nodes sorted by id, every contract field present (null when the
/// node has not sent it), values exactly as the node sent them, warnings as sentences. A number that is
/// not a finite double or is longer than <see cref="Json.MaxNumberChars"/> characters (a hostile 1e309 or
/// 200,000-digit value) is written as null, in values and history alike (README, monitor).
/// </summary>
internal static class FleetJson
{
    public static string Write(Fleet fleet, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("prefix", fleet.Prefix);
            w.WriteStartArray("nodes");
            fleet.Read(nodes =>
            {
                foreach (NodeState node in nodes)
                {
                    WriteNode(w, node, now);
                }

                return 0;
            });
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter w, NodeState node, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("id", node.Id);
        w.WriteString("status", node.Status);
        WriteField(w, "anomaly", node.State, MqttContract.Anomaly.Key);
        WriteField(w, "seq", node.State, MqttContract.Seq.Key);
        WriteField(w, "timestamp", node.State, MqttContract.Timestamp.Key);
        w.WriteStartObject("values");
        foreach (MqttField channel in MqttContract.Channels)
        {
            WriteField(w, channel.Key, node.State, channel.Key);
        }

        w.WriteEndObject();
        w.WriteStartObject("history");
        foreach (MqttField channel in MqttContract.Channels)
        {
            w.WriteStartArray(channel.Key);
            if (node.History.TryGetValue(channel.Key, out List<double>? values))
            {
                foreach (double v in values)
                {
                    if (double.IsFinite(v))
                    {
                        w.WriteNumberValue(v);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStartObject("health");
        foreach (MqttField field in MqttContract.Health)
        {
            WriteField(w, field.Key, node.Health, field.Key);
        }

        w.WriteEndObject();
        w.WriteStartObject("sleep");
        foreach (MqttField field in MqttContract.Sleep)
        {
            WriteField(w, field.Key, node.Sleep, field.Key);
        }

        w.WriteEndObject();
        w.WriteStartObject("ota");
        foreach (MqttField field in MqttContract.Ota)
        {
            WriteField(w, field.Key, node.Ota, field.Key);
        }

        w.WriteEndObject();
        w.WriteStartArray("warnings");
        foreach (string warning in HealthRules.Warnings(node, now))
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter w, string name, Dictionary<string, JsonElement> source, string key)
    {
        w.WritePropertyName(name);
        if (source.TryGetValue(key, out JsonElement value) && (value.ValueKind != JsonValueKind.Number || Json.IsSafeNumber(value)))
        {
            value.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
