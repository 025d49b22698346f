using System.Text.Json;
using System.Text.RegularExpressions;

namespace SensorNode.NanoClr;

/// <summary>
/// Finds the firmware's assemblies: the deployable ones named in firmware/deployments.json and the CI project that
/// compiles each against nanoFramework mscorlib (a .csproj under firmware/ that imports NanoCheck.props, outside the
/// declared surfaces, whose AssemblyName is that name).
/// </summary>
internal static partial class FirmwareProjects
{
    [GeneratedRegex(@"<AssemblyName>\s*([^<\s]+)\s*</AssemblyName>")]
    private static partial Regex AssemblyNameElement();

    /// <summary>Every role of deployments.json with its assemblies, in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string[]>> Roles(string repo)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo, "firmware", "deployments.json")));
        List<KeyValuePair<string, string[]>> roles = new();
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Array)
            {
                roles.Add(new(p.Name, p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray()));
            }
        }

        return roles;
    }

    /// <summary>Every assembly any role deploys, once, in first-seen order.</summary>
    public static IReadOnlyList<string> Deployable(string repo) =>
        Roles(repo).SelectMany(r => r.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The nanoFramework-checked DLL of <paramref name="assembly"/>, or null when no project builds it.</summary>
    public static string? NanoCheckDll(string repo, string assembly, string configuration)
    {
        string firmware = Path.Combine(repo, "firmware");
        string surfaces = Path.Combine(firmware, "surfaces") + Path.DirectorySeparatorChar;
        foreach (string project in Directory.EnumerateFiles(firmware, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (project.StartsWith(surfaces, StringComparison.Ordinal) || project.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            string text = File.ReadAllText(project);
            Match m = AssemblyNameElement().Match(text);
            if (m.Success && m.Groups[1].Value == assembly && text.Contains("NanoCheck.props", StringComparison.Ordinal))
            {
                return Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "netstandard2.0", assembly + ".dll");
            }
        }

        return null;
    }
}
