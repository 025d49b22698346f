using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SensorNode.Cli;

/// <summary>
/// System.Text.Json keeps every occurrence of a repeated key and a reader of the object takes the last one, so a
/// configuration file with a key twice would silently lose the first value: files people write are checked here.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <summary>
    /// The first key of <paramref name="obj"/> that repeats an earlier one (compared after JSON escapes are decoded
    /// and, when given, after <paramref name="normalize"/>), or null.
    /// </summary>
    public static string? First(JsonElement obj, Func<string, string>? normalize = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (!seen.Add(normalize == null ? property.Name : normalize(property.Name)))
            {
                return property.Name;
            }
        }

        return null;
    }
}
