using System.Globalization;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>Tolerant readers for JSON values published by nodes: numbers may arrive as numbers or numeric strings.</summary>
internal static class Json
{
    public static double? AsNumber(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => null,
    };

    public static bool? AsBool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.GetDouble() != 0,
        JsonValueKind.String => e.GetString() is "true" or "1" or "yes",
        _ => null,
    };

    /// <summary>Short text for the terminal view: strings unquoted, everything else as its JSON text.</summary>
    public static string Display(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText();
}
