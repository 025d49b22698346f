using System.Globalization;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>
/// Tolerant readers for JSON values published by nodes (hostile peers): numbers may arrive as numbers or
/// numeric strings; a number that is not a finite double (1e309, -1e400) or longer than
/// <see cref="MaxNumberChars"/> characters (a 200,000-digit number) counts as absent.
/// </summary>
internal static class Json
{
    /// <summary>Longest number text taken as a number (a double's round-trip text needs at most 24).</summary>
    public const int MaxNumberChars = 40;

    /// <summary>Longest text <see cref="Display"/> shows before cutting it with "…".</summary>
    public const int MaxDisplayChars = 40;

    public static double? AsNumber(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => Finite(e),
        JsonValueKind.String when e.GetString() is { Length: <= MaxNumberChars } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) => d,
        _ => null,
    };

    /// <summary>True when <paramref name="e"/> is a number this tool can hold exactly enough: finite double, text of at most <see cref="MaxNumberChars"/>.</summary>
    public static bool IsSafeNumber(JsonElement e) => Finite(e) is not null;

    private static double? Finite(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.GetRawText().Length <= MaxNumberChars && e.TryGetDouble(out double d) && double.IsFinite(d) ? d : null;

    public static bool? AsBool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Finite(e) is double d ? d != 0 : null,
        JsonValueKind.String => e.GetString() is "true" or "1" or "yes",
        _ => null,
    };

    /// <summary>Short text for the terminal view: strings unquoted, everything else as its JSON text.</summary>
    public static string Display(JsonElement e)
    {
        string text = e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText();
        return text.Length <= MaxDisplayChars ? text : text[..(MaxDisplayChars - 1)] + "…";
    }
}
