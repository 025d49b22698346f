using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace SensorNode.Tests.Flash;

/// <summary>Runs the repository's flash.ps1 through the pinned PowerShell local tool (`dotnet pwsh`).</summary>
internal static class FlashScript
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Replace("\r\n", "\n").TrimEnd('\n').Split('\n', StringSplitOptions.None);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>The dotnet host, with symlinks resolved, so that a child's PATH can hold only its folder.</summary>
    public static string Dotnet { get; } = FindDotnet();

    /// <summary>
    /// Runs flash.ps1 from the repo root (where .config/dotnet-tools.json pins pwsh). With
    /// <paramref name="isolatedPath"/> the child's PATH holds only dotnet's folder, so no nanoff or
    /// sensornode installed on the machine can leak into the plan.
    /// </summary>
    public static Result Run(IEnumerable<string> args, bool isolatedPath = true)
    {
        var psi = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Repo.Path("flash.ps1") })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (isolatedPath)
        {
            psi.Environment["PATH"] = Path.GetDirectoryName(Dotnet)!;
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("flash.ps1 did not finish within 3 minutes");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindDotnet()
    {
        string? fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        string? candidate = !string.IsNullOrEmpty(fromHost) && File.Exists(fromHost) ? fromHost : null;
        if (candidate == null)
        {
            string exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string path = Path.Combine(dir, exe);
                if (dir.Length > 0 && File.Exists(path))
                {
                    candidate = path;
                    break;
                }
            }
        }

        if (candidate == null)
        {
            throw new InvalidOperationException("dotnet not found on PATH");
        }

        FileSystemInfo? target = File.ResolveLinkTarget(candidate, returnFinalTarget: true);
        return target?.FullName ?? Path.GetFullPath(candidate);
    }
}
