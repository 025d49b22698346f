using System;
using System.IO;
using System.Text.Json;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace SensorNode.Cli.Provisioning;

/// <summary>
/// Reads node.json (docs/provisioning.md) into a <see cref="NodeConfig"/>. Field names are the core's
/// <see cref="ConfigFields"/> names; absent fields keep their defaults. Errors name the field and never
/// quote a value (a value may be a secret).
/// </summary>
internal static class NodeJson
{
    /// <summary>Optional field giving the config version used for the nanoff path.</summary>
    public const string ConfigVersionName = "configVersion";

    public static NodeConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"config file not found: {path}");
        }

        string name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CliException($"{name}: not valid JSON near line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}; fix the syntax and try again");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"{name}: must hold one JSON object {{ \"nodeId\": ..., ... }}");
            }

            if (JsonDuplicateKeys.First(document.RootElement) is { } twice)
            {
                throw new CliException($"{name}: field '{twice}' appears more than once; keep one (a later value would silently replace the earlier)");
            }

            var config = new NodeConfig();
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$'))
                {
                    continue;
                }

                if (property.Name == ConfigVersionName)
                {
                    config.ConfigVersion = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out int v) && v >= 1
                        ? v
                        : throw new CliException($"{name}: {ConfigVersionName} must be a whole number of at least 1");
                    continue;
                }

                int id = FieldId(property.Name);
                if (id == 0)
                {
                    string hint = Closest(property.Name) is { } near ? $" (did you mean '{near}'?)" : string.Empty;
                    throw new CliException($"{name}: unknown field '{property.Name}'{hint}; see docs/provisioning.md for the field list");
                }

                Apply(config, id, property.Value, name);
            }

            return config;
        }
    }

    /// <summary>Field id of a node.json name, or 0.</summary>
    public static int FieldId(string name)
    {
        for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
        {
            if (ConfigFields.Name(id) == name)
            {
                return id;
            }
        }

        return 0;
    }

    /// <summary>The JSON spelling of mode values.</summary>
    public static string ModeName(int value) => value == (int)NodeMode.DeepSleep ? "deepSleep" : value == (int)NodeMode.AlwaysOn ? "alwaysOn" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Apply(NodeConfig config, int id, JsonElement value, string file)
    {
        string field = ConfigFields.Name(id);
        switch (ConfigFields.Kind(id))
        {
            case FieldKind.Text:
                ConfigFields.SetText(config, id, value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new CliException($"{file}: {field} must be a string"));
                break;
            case FieldKind.Boolean:
                ConfigFields.SetInt(config, id, value.ValueKind switch
                {
                    JsonValueKind.True => 1,
                    JsonValueKind.False => 0,
                    _ => throw new CliException($"{file}: {field} must be true or false"),
                });
                break;
            default:
                if (id == (int)ConfigField.Mode && value.ValueKind == JsonValueKind.String)
                {
                    ConfigFields.SetInt(config, id, value.GetString() switch
                    {
                        "alwaysOn" => 0,
                        "deepSleep" => 1,
                        _ => throw new CliException($"{file}: mode must be \"alwaysOn\" or \"deepSleep\""),
                    });
                }
                else if (id == (int)ConfigField.Bme280Address && value.ValueKind == JsonValueKind.String)
                {
                    ConfigFields.SetInt(config, id, value.GetString() switch
                    {
                        "0x76" => 0x76,
                        "0x77" => 0x77,
                        _ => throw new CliException($"{file}: bme280Address must be \"0x76\" or \"0x77\" (or 118 / 119)"),
                    });
                }
                else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n))
                {
                    ConfigFields.SetInt(config, id, n);
                }
                else
                {
                    throw new CliException($"{file}: {field} must be a whole number");
                }

                break;
        }
    }

    private static string? Closest(string name)
    {
        string? best = null;
        int bestDistance = 4;
        for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
        {
            int d = Distance(name.ToLowerInvariant(), ConfigFields.Name(id).ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = ConfigFields.Name(id);
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
