using System;
using System.IO;
using System.Linq;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// A python script standing in for nanoff --filedeployment. It prints what nanoFirmwareFlasher's
/// FileDeploymentManager.DeployAsync prints per file ("Deploying file SRC to DST..." then "OK", or a new line
/// "Error deploying content file SRC to DST" / "Exception deploying content file SRC to DST"), logs its arguments,
/// and exits with the code given: nanoff exits 0 even when a file failed.
/// </summary>
internal static class FakeNanoff
{
    public static string Write(string directory, string name, int exitCode = 0, string? errorFor = null, string? exceptionFor = null, bool silentFor = false)
    {
        string path = Path.Combine(directory, name);
        string log = path + ".log";
        string script = $$"""
            #!{{Python}}
            import json, sys
            args = sys.argv[1:]
            with open({{Py(log)}}, "a") as f:
                f.write(" ".join(args) + "\n")
            if "--filedeployment" not in args:
                sys.exit(0)
            config = json.load(open(args[args.index("--filedeployment") + 1]))
            for entry in config["files"]:
                src, dst = entry["SourceFilePath"], entry["DestinationFilePath"]
                if dst == {{Py(exceptionFor)}}:
                    print()
                    print(f"Exception deploying content file {src} to {dst}")
                    continue
                sys.stdout.write(f"Deploying file {src} to {dst}...")
                if dst == {{Py(errorFor)}}:
                    print()
                    print(f"Error deploying content file {src} to {dst}")
                elif {{(silentFor ? "True" : "False")}}:
                    print()
                else:
                    print("\x1b[32mOK\x1b[37m")
            sys.exit({{exitCode}})
            """;
        File.WriteAllText(path, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>The arguments of each call, one line per call.</summary>
    public static string[] Calls(string path) => File.Exists(path + ".log") ? File.ReadAllLines(path + ".log") : Array.Empty<string>();

    /// <summary>
    /// python3 by full path, so the script also runs under a PATH that holds only dotnet (FlashScript): the system's
    /// first (shims such as pyenv's need bash on PATH), else the first on PATH.
    /// </summary>
    private static string Python { get; } = new[] { "/usr/bin/python3" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator)
        .Where(d => d.Length > 0)
        .Select(d => Path.Combine(d, "python3")))
        .FirstOrDefault(File.Exists) ?? "python3";

    private static string Py(string? value) => value == null ? "None" : "r'" + value.Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
