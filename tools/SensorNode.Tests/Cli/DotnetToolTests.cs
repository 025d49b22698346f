using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>`sensornode` is a .NET tool: packed, installed into a tool path and run from there (README).</summary>
[TestClass]
public sealed class DotnetToolTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [TestMethod]
    public void PackedTool_InstallsIntoAToolPath_AndRuns()
    {
        string dir = CliRunner.TempDirectory();
        try
        {
            string packages = Path.Combine(dir, "packages");
            string toolPath = Path.Combine(dir, "tools");

            // The solution is built (test.sh builds it first): pack what was built, without rebuilding it.
            Run("dotnet", dir, "pack", Repo.Path("tools", "SensorNode.Cli", "SensorNode.Cli.csproj"), "-c", Repo.Configuration, "--no-build", "--nologo", "-o", packages);
            Assert.AreEqual(1, Directory.GetFiles(packages, "sensornode.*.nupkg").Length, "one sensornode package");

            // Only the local folder as a package source: the install must not need anything else.
            string config = Path.Combine(dir, "nuget.config");
            File.WriteAllText(config, $"<configuration><packageSources><clear /><add key=\"local\" value=\"{packages}\" /></packageSources></configuration>");
            // A private package cache, so the install touches nothing outside the temporary folder.
            Run("dotnet", dir, new[] { ("NUGET_PACKAGES", Path.Combine(dir, "nuget-cache")) }, "tool", "install", "sensornode", "--tool-path", toolPath, "--configfile", config);

            string sensornode = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "sensornode.exe" : "sensornode");
            Assert.IsTrue(File.Exists(sensornode), "the tool path holds the sensornode command");

            string help = Run(sensornode, dir, "--help");
            StringAssert.StartsWith(help, "usage: sensornode <verb>");
            StringAssert.Contains(help, "  replay ");

            string output = Path.Combine(dir, "stats.csv");
            string said = Run(sensornode, dir, "replay", "stats", "--window", "60", "--z-threshold", "4", "--input", Repo.Path("tools", "samples", "temperature.csv"), "--output", output);
            StringAssert.StartsWith(said, "replay stats: ");
            Assert.AreEqual("t,value,mean,z,anomaly", File.ReadLines(output).First());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Runs a program to completion and returns its stdout; a non-zero exit fails the test with both streams.
    private static string Run(string program, string workingDirectory, params string[] args) =>
        Run(program, workingDirectory, Array.Empty<(string, string)>(), args);

    private static string Run(string program, string workingDirectory, (string Name, string Value)[] environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The tool's launcher finds the runtime this test runs on (it may not be in a default location).
        start.Environment["DOTNET_ROOT"] = DotnetRoot();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEndAsync().GetAwaiter().GetResult();
        if (!p.WaitForExit(Limit))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish");
        }

        Assert.AreEqual(0, p.ExitCode, $"{program} {string.Join(' ', args)}\n{stdout}\n{stderr.GetAwaiter().GetResult()}");
        return stdout;
    }

    // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
}
