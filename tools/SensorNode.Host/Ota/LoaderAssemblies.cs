using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using SensorNode.Core.Ota;

namespace SensorNode.Host.Ota;

/// <summary>
/// The assemblies the loader's deployment holds, which an update image must neither carry nor reference at
/// another major.minor (docs/spec/ota-slots.md §10). By default: the names of firmware/deployments.json's
/// "loader" role (embedded at build time), SensorNode.Boot at the version this tool was built with; or, exactly,
/// the names and versions read from the loader deployment's own .pe files.
/// </summary>
public sealed class LoaderAssemblies
{
    private readonly Dictionary<string, Version?> _held;

    private LoaderAssemblies(Dictionary<string, Version?> held, string source)
    {
        _held = held;
        Source = source;
    }

    /// <summary>Where the set came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The loader's assembly names, in deployment order where known.</summary>
    public IReadOnlyCollection<string> Names => _held.Keys;

    /// <summary>The set this repository's loader deploys (firmware/deployments.json, role "loader").</summary>
    public static LoaderAssemblies FromRepositoryTable()
    {
        var held = new Dictionary<string, Version?>(StringComparer.Ordinal);
        foreach (string name in DeploymentTable.Role("loader"))
        {
            held[name] = null;
        }

        // The boot half is compiled into this tool from the same sources and AssemblyInfo as the device build.
        AssemblyName boot = typeof(Sha256).Assembly.GetName();
        if (boot.Name != null && held.ContainsKey(boot.Name))
        {
            held[boot.Name] = boot.Version;
        }

        return new LoaderAssemblies(held, "firmware/deployments.json");
    }

    /// <summary>The set read from the loader deployment's .pe files; throws ArgumentException naming a file that is not one.</summary>
    public static LoaderAssemblies FromPeFiles(IEnumerable<string> paths)
    {
        var held = new Dictionary<string, Version?>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            PeAssembly pe = PeAssembly.TryRead(File.ReadAllBytes(path))
                ?? throw new ArgumentException($"--loader {path}: not a nanoFramework .pe file (no NFMRK1 header)");
            held[pe.Name] = pe.Version;
        }

        return new LoaderAssemblies(held, "--loader");
    }

    /// <summary>True when the loader holds <paramref name="name"/>; <paramref name="version"/> is null when not known.</summary>
    public bool Holds(string name, out Version? version) => _held.TryGetValue(name, out version);
}
