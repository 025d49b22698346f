using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// Checks a .nfproj and its packages.config against each other and against the pinned package table
/// (firmware/nanoframework-packages.json). Returns every problem found, as a sentence naming the file.
/// </summary>
internal static class NfprojCheck
{
    public const string NanoProjectTypeGuid = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
    private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

    public sealed record Pinned(string Version, IReadOnlyDictionary<string, string?> Assemblies);

    public static Dictionary<string, Pinned> LoadTable(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        var table = new Dictionary<string, Pinned>(StringComparer.Ordinal);
        foreach (JsonProperty p in doc.RootElement.GetProperty("packages").EnumerateObject())
        {
            var assemblies = p.Value.GetProperty("assemblies").EnumerateObject()
                .ToDictionary(a => a.Name, a => a.Value.ValueKind == JsonValueKind.Null ? null : a.Value.GetString(), StringComparer.Ordinal);
            table[p.Name] = new Pinned(p.Value.GetProperty("version").GetString()!, assemblies);
        }

        return table;
    }

    /// <summary>All problems of <paramref name="nfproj"/>; packages are expected in <paramref name="packagesRoot"/> (beside the .sln).</summary>
    public static List<string> Problems(string nfproj, string packagesRoot, IReadOnlyDictionary<string, Pinned> table)
    {
        var problems = new List<string>();
        string dir = Path.GetDirectoryName(nfproj)!;
        string name = Path.GetFileName(nfproj);
        XDocument project = XDocument.Load(nfproj);
        string? Prop(string p) => project.Descendants(Ms + p).Select(e => e.Value.Trim()).FirstOrDefault();

        CheckImports(project, dir, name, problems);

        if (!(Prop("ProjectTypeGuids") ?? string.Empty).Contains(NanoProjectTypeGuid, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{name}: ProjectTypeGuids must contain the nanoFramework project type {NanoProjectTypeGuid}");
        }

        bool isTest = string.Equals(Prop("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);
        if (isTest)
        {
            CheckTestProject(project, dir, name, problems);
        }
        else if (Prop("TargetFrameworkVersion") != "v1.0")
        {
            problems.Add($"{name}: TargetFrameworkVersion must be v1.0 (nanoFramework application or library), got '{Prop("TargetFrameworkVersion")}'");
        }

        string configPath = Path.Combine(dir, "packages.config");
        if (!File.Exists(configPath))
        {
            problems.Add($"{name}: packages.config is missing beside it");
            return problems;
        }

        var packages = XDocument.Load(configPath).Root!.Elements("package")
            .Select(p => (Id: (string)p.Attribute("id")!, Version: (string)p.Attribute("version")!, Element: p)).ToList();
        foreach (var dup in packages.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{name}: packages.config lists {dup.Key} {dup.Count()} times");
        }

        var references = project.Descendants(Ms + "Reference")
            .Select(r => (Include: (string?)r.Attribute("Include") ?? string.Empty, HintPath: r.Element(Ms + "HintPath")?.Value.Trim()))
            .Where(r => r.HintPath != null).ToList();

        foreach (var p in packages)
        {
            if ((string?)p.Element.Attribute("targetFramework") != "netnano1.0")
            {
                problems.Add($"{name}: packages.config {p.Id} must have targetFramework=\"netnano1.0\"");
            }

            if (!table.TryGetValue(p.Id, out Pinned? pinned))
            {
                problems.Add($"{name}: package {p.Id} {p.Version} is not in firmware/nanoframework-packages.json; check it upstream and add it there");
            }
            else if (pinned.Version != p.Version)
            {
                problems.Add($"{name}: package {p.Id} is {p.Version} in packages.config but pinned at {pinned.Version}");
            }

            string folder = Path.GetFullPath(Path.Combine(packagesRoot, p.Id + "." + p.Version)) + Path.DirectorySeparatorChar;
            if (!references.Any(r => Resolve(dir, r.HintPath!).StartsWith(folder, StringComparison.Ordinal)))
            {
                problems.Add($"{name}: package {p.Id} {p.Version} has no Reference whose HintPath is under packages\\{p.Id}.{p.Version}\\");
            }
        }

        foreach (var r in references)
        {
            CheckReference(r.Include, r.HintPath!, dir, name, packagesRoot, packages.Select(p => (p.Id, p.Version)).ToList(), table, problems);
        }

        foreach (XElement pr in project.Descendants(Ms + "ProjectReference"))
        {
            string include = (string)pr.Attribute("Include")!;
            if (!File.Exists(Resolve(dir, include)))
            {
                problems.Add($"{name}: ProjectReference '{include}' does not exist");
            }
        }

        return problems;
    }

    private static void CheckImports(XDocument project, string dir, string name, List<string> problems)
    {
        foreach (XElement import in project.Descendants(Ms + "Import"))
        {
            string path = (string)import.Attribute("Project")!;
            string condition = ((string?)import.Attribute("Condition") ?? string.Empty).Replace(" ", string.Empty);
            if (!condition.Contains("Exists('" + path.Replace(" ", string.Empty) + "')", StringComparison.Ordinal))
            {
                problems.Add($"{name}: Import '{path}' must have Condition=\"Exists('{path}')\" so the project loads without the nanoFramework components");
            }

            if (!path.Contains("$(", StringComparison.Ordinal) && !File.Exists(Resolve(dir, path)))
            {
                problems.Add($"{name}: Import '{path}' points to a file that is not in the repository");
            }
        }
    }

    private static void CheckTestProject(XDocument project, string dir, string name, List<string> problems)
    {
        string? Prop(string p) => project.Descendants(Ms + p).Select(e => e.Value.Trim()).FirstOrDefault();
        if (Prop("AssemblyName") != "NFUnitTest")
        {
            problems.Add($"{name}: a test project's AssemblyName must be NFUnitTest (the UnitTestLauncher loads that name), got '{Prop("AssemblyName")}'");
        }

        if (!project.Descendants(Ms + "ProjectCapability").Any(c => (string?)c.Attribute("Include") == "TestContainer"))
        {
            problems.Add($"{name}: a test project needs <ProjectCapability Include=\"TestContainer\" /> for Test Explorer");
        }

        if (Prop("TestProjectType") != "UnitTest" || Prop("OutputType") != "Library")
        {
            problems.Add($"{name}: a test project needs TestProjectType UnitTest and OutputType Library");
        }

        string? runSettings = Prop("RunSettingsFilePath");
        if (runSettings == null || !File.Exists(Resolve(dir, runSettings.Replace("$(MSBuildProjectDirectory)", dir, StringComparison.Ordinal))))
        {
            problems.Add($"{name}: RunSettingsFilePath must name an existing nano.runsettings, got '{runSettings}'");
        }

        foreach (string assembly in new[] { "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher" })
        {
            if (!project.Descendants(Ms + "Reference").Any(r => ((string?)r.Attribute("Include") ?? string.Empty).Split(',')[0].Trim() == assembly))
            {
                problems.Add($"{name}: a test project must reference {assembly}");
            }
        }
    }

    private static void CheckReference(string include, string hintPath, string dir, string name, string packagesRoot,
        List<(string Id, string Version)> packages, IReadOnlyDictionary<string, Pinned> table, List<string> problems)
    {
        string full = Resolve(dir, hintPath);
        string root = Path.GetFullPath(packagesRoot) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            problems.Add($"{name}: Reference '{include}' HintPath '{hintPath}' is not under the solution's packages folder ({root})");
            return;
        }

        string folder = full.Substring(root.Length).Split(Path.DirectorySeparatorChar)[0];
        var owner = packages.FirstOrDefault(p => p.Id + "." + p.Version == folder);
        if (owner.Id == null)
        {
            problems.Add($"{name}: Reference '{include}' HintPath folder '{folder}' matches no package id and version in packages.config");
            return;
        }

        string simpleName = include.Split(',')[0].Trim();
        if (!string.Equals(Path.GetFileNameWithoutExtension(full), simpleName, StringComparison.Ordinal))
        {
            problems.Add($"{name}: Reference '{simpleName}' points at '{Path.GetFileName(full)}'");
        }

        if (table.TryGetValue(owner.Id, out Pinned? pinned))
        {
            if (!pinned.Assemblies.TryGetValue(simpleName, out string? version))
            {
                problems.Add($"{name}: package {owner.Id} does not ship an assembly '{simpleName}' (pinned table)");
            }
            else if (version != null && include.Contains("Version=", StringComparison.Ordinal) && !Regex.IsMatch(include, @"Version=" + Regex.Escape(version) + @"\s*(,|$)"))
            {
                problems.Add($"{name}: Reference '{simpleName}' must be Version={version}: '{include}'");
            }
        }
    }

    private static string Resolve(string dir, string path) =>
        Path.GetFullPath(Path.Combine(dir, path.Replace('\\', Path.DirectorySeparatorChar)));
}
