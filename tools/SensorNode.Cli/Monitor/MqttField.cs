using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>One JSON field of the MQTT contract: its canonical key and the aliases read as the same field.</summary>
internal sealed class MqttField
{
    public MqttField(string key, params string[] aliases)
    {
        Key = key;
        Aliases = aliases;
    }

    /// <summary>The key written by `monitor --json`.</summary>
    public string Key { get; }

    public string[] Aliases { get; }

    /// <summary>Finds the field in <paramref name="obj"/> by its key, then by its aliases; null/absent → false.</summary>
    public bool TryRead(JsonElement obj, out JsonElement value)
    {
        if (obj.TryGetProperty(Key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        foreach (string alias in Aliases)
        {
            if (obj.TryGetProperty(alias, out value) && value.ValueKind != JsonValueKind.Null)
            {
                return true;
            }
        }

        value = default;
        return false;
    }
}
