using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SensorNode.Host.Footprint;

/// <summary>
/// Flash footprint of what goes onto a device: the .pe size of every assembly firmware/deployments.json names and the
/// total of each deployment role (direct application, loader, update image payload), against the budgets in
/// firmware/footprint-budgets.json (docs/benchmarks/footprint.md). Reads the .pe files upstream's MetadataProcessor made
/// (tools/nanoclr-tests.sh leaves them in .artifacts/nanoclr/deploy). Shared by `sensornode footprint` and the nanoCLR
/// stage's size-budget tests.
/// </summary>
public sealed class FootprintReport
{
    private FootprintReport(IReadOnlyList<FootprintItem> assemblies, IReadOnlyList<FootprintItem> roles)
    {
        Assemblies = assemblies;
        Roles = roles;
    }

    public IReadOnlyList<FootprintItem> Assemblies { get; }

    public IReadOnlyList<FootprintItem> Roles { get; }

    /// <summary>Every item over its budget or without one.</summary>
    public IEnumerable<FootprintItem> OverBudget => Assemblies.Concat(Roles).Where(i => !i.WithinBudget);

    public static FootprintReport Measure(string deploymentsPath, string peFolder, string budgetsPath)
    {
        List<KeyValuePair<string, string[]>> roles = ReadRoles(deploymentsPath);
        (Dictionary<string, long> assemblyBudgets, Dictionary<string, long> roleBudgets) = ReadBudgets(budgetsPath);
        Dictionary<string, long> sizes = new(StringComparer.Ordinal);
        List<FootprintItem> assemblies = new();
        foreach (string name in roles.SelectMany(r => r.Value).Distinct(StringComparer.Ordinal))
        {
            string pe = Path.Combine(peFolder, name + ".pe");
            if (!File.Exists(pe))
            {
                throw new FootprintException($"{pe} not found: run tools/nanoclr-tests.sh first (it converts every deployable assembly with the MetadataProcessor), or pass the folder that holds the .pe files");
            }

            sizes[name] = new FileInfo(pe).Length;
            assemblies.Add(new FootprintItem(name, Array.Empty<string>(), sizes[name], Budget(assemblyBudgets, name)));
        }

        List<FootprintItem> roleItems = roles
            .Select(r => new FootprintItem(r.Key, r.Value, r.Value.Sum(a => sizes[a]), Budget(roleBudgets, r.Key)))
            .ToList();
        return new FootprintReport(assemblies, roleItems);
    }

    private static long? Budget(Dictionary<string, long> budgets, string name) => budgets.TryGetValue(name, out long b) ? b : null;

    private static List<KeyValuePair<string, string[]>> ReadRoles(string path)
    {
        using JsonDocument doc = Parse(path);
        List<KeyValuePair<string, string[]>> roles = new();
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            string[] names = p.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FootprintException($"{path}: role '{p.Name}' must list assembly names as strings")).ToArray();
            roles.Add(new(p.Name, names));
        }

        return roles.Count > 0 ? roles : throw new FootprintException($"{path}: no deployment role (a JSON array of assembly names) found");
    }

    private static (Dictionary<string, long> Assemblies, Dictionary<string, long> Roles) ReadBudgets(string path)
    {
        using JsonDocument doc = Parse(path);
        return (Section(doc, path, "assemblyBytes"), Section(doc, path, "roleBytes"));
    }

    private static Dictionary<string, long> Section(JsonDocument doc, string path, string name)
    {
        if (!doc.RootElement.TryGetProperty(name, out JsonElement section) || section.ValueKind != JsonValueKind.Object)
        {
            throw new FootprintException($"{path}: object '{name}' missing");
        }

        Dictionary<string, long> budgets = new(StringComparer.Ordinal);
        foreach (JsonProperty p in section.EnumerateObject())
        {
            budgets[p.Name] = p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out long b) && b > 0
                ? b
                : throw new FootprintException($"{path}: {name}.{p.Name} must be a positive whole number of bytes");
        }

        return budgets;
    }

    private static JsonDocument Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new FootprintException($"{path} not found: run from the repository root or pass its path");
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new FootprintException($"{path} is not valid JSON: {ex.Message}");
        }
    }
}
