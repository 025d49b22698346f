using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// The dependency half of the pin check (firmware/nanoframework-packages.json): nanoCLR binds an assembly reference to a
/// loaded assembly of the same name and major.minor (nf-interpreter src/CLR/Core/TypeSystem.cpp), so every pinned
/// library must have been built against the major.minor of each pinned package it depends on (CoreLibrary, System.Text,
/// System.IO.Streams, ...), and all bindings must share one UnitsNet line.
/// </summary>
internal static class PinDependencyCheck
{
    /// <summary>Package id → its pinned version and its recorded dependencies (null = not recorded).</summary>
    public static Dictionary<string, (string Version, Dictionary<string, string>? DependsOn)> Load(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        var table = new Dictionary<string, (string, Dictionary<string, string>?)>(StringComparer.Ordinal);
        foreach (JsonProperty p in doc.RootElement.GetProperty("packages").EnumerateObject())
        {
            Dictionary<string, string>? deps = null;
            if (p.Value.TryGetProperty("dependsOn", out JsonElement d) && d.ValueKind == JsonValueKind.Object)
            {
                deps = d.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!, StringComparer.Ordinal);
            }

            table[p.Name] = (p.Value.GetProperty("version").GetString()!, deps);
        }

        return table;
    }

    public static List<string> Problems(IReadOnlyDictionary<string, (string Version, Dictionary<string, string>? DependsOn)> table)
    {
        var problems = new List<string>();
        foreach (var (id, (_, deps)) in table)
        {
            if (deps == null)
            {
                continue;
            }

            foreach (var (dependency, version) in deps)
            {
                if (table.TryGetValue(dependency, out var pinned) && MajorMinor(pinned.Version) != MajorMinor(version))
                {
                    problems.Add($"{id} was built against {dependency} {version}, but {pinned.Version} is pinned: nanoCLR binds by major.minor, so {id} would not resolve");
                }

                if (dependency.StartsWith("UnitsNet.", StringComparison.Ordinal) || dependency.StartsWith("nanoFramework.UnitsNet.", StringComparison.Ordinal))
                {
                    if (!table.ContainsKey(dependency))
                    {
                        problems.Add($"{id} depends on {dependency} {version}, which is not pinned: its UnitsNet line differs from the table's");
                    }
                }
            }
        }

        bool oldLine = table.Keys.Any(k => k.StartsWith("UnitsNet.nanoFramework.", StringComparison.Ordinal));
        bool newLine = table.Keys.Any(k => k.StartsWith("nanoFramework.UnitsNet.", StringComparison.Ordinal));
        if (oldLine && newLine)
        {
            problems.Add("both UnitsNet lines are pinned (UnitsNet.nanoFramework.* and nanoFramework.UnitsNet.*): they declare the same types (CS0433)");
        }

        return problems;
    }

    private static string MajorMinor(string version)
    {
        string[] parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
