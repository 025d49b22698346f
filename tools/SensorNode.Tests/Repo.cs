using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SensorNode.Tests;

/// <summary>Paths into the repository and its build outputs, as seen from the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>Output of a NoStdLib (nanoFramework mscorlib) project under firmware/ or elsewhere.</summary>
    public static string NanoBuildOutput(string projectDirectory, string assemblyName) =>
        Path(projectDirectory, "bin", Configuration, "netstandard2.0", assemblyName + ".dll");

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException("missing assembly metadata " + key);
}
