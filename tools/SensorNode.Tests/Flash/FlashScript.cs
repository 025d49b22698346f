using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

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
    public static Result Run(IEnumerable<string> args, bool isolatedPath = true) => RunScript(Repo.Path("flash.ps1"), args, isolatedPath);

    private static Result RunScript(string script, IEnumerable<string> args, bool isolatedPath = true)
    {
        var psi = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", script })
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
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("flash.ps1 did not finish within 8 minutes");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Runs flash.ps1 once per argument list inside one PowerShell process (each call is `&amp; flash.ps1 @named`, whose
    /// `exit` ends only that call; values may not start with '-'), so that a table of cases costs one start of PowerShell. Each result holds that
    /// call's exit code and the lines it wrote to stdout and stderr.
    /// </summary>
    public static IReadOnlyList<Result> RunMany(IReadOnlyList<string[]> cases)
    {
        string dir = Path.Combine(Path.GetTempPath(), "sn-flash-many-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string casesPath = Path.Combine(dir, "cases.json");
            File.WriteAllText(casesPath, System.Text.Json.JsonSerializer.Serialize(cases));
            string harness = Path.Combine(dir, "harness.ps1");
            File.WriteAllText(harness, """
                param([string]$Cases, [string]$Script)
                $all = Get-Content -Raw -LiteralPath $Cases | ConvertFrom-Json -NoEnumerate
                for ($i = 0; $i -lt $all.Count; $i++) {
                    [string[]]$list = @($all[$i])
                    # Named splatting: "-Name value" pairs, and "-Switch" followed by another name or nothing.
                    $named = @{}
                    for ($j = 0; $j -lt $list.Count; $j++) {
                        $name = $list[$j].Substring(1)
                        if ($j + 1 -lt $list.Count -and -not $list[$j + 1].StartsWith('-')) { $named[$name] = $list[$j + 1]; $j++ }
                        else { $named[$name] = $true }
                    }
                    [Console]::Out.WriteLine("@@case $i"); [Console]::Error.WriteLine("@@case $i")
                    $global:LASTEXITCODE = 0
                    & $Script @named
                    [Console]::Out.WriteLine("@@exit $LASTEXITCODE"); [Console]::Error.WriteLine("@@exit")
                }
                """);
            Result whole = RunScript(harness, new[] { "-Cases", casesPath, "-Script", Repo.Path("flash.ps1") });
            if (whole.ExitCode != 0)
            {
                throw new InvalidOperationException("the flash.ps1 harness failed: " + whole);
            }

            var outParts = Split(whole.Stdout);
            var errParts = Split(whole.Stderr);
            var results = new List<Result>();
            for (int i = 0; i < cases.Count; i++)
            {
                string[] outLines = outParts[i];
                string last = outLines[^1];
                int exit = int.Parse(last.Substring("@@exit ".Length), System.Globalization.CultureInfo.InvariantCulture);
                string stdout = string.Concat(outLines[..^1].Select(l => l + "\n"));
                string stderr = string.Concat(errParts[i][..^1].Select(l => l + "\n"));
                results.Add(new Result(exit, stdout, stderr));
            }

            return results;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string[]> Split(string text)
    {
        var parts = new List<string[]>();
        List<string>? current = null;
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("@@case ", StringComparison.Ordinal))
            {
                current = new List<string>();
                continue;
            }

            if (current == null)
            {
                continue;
            }

            current.Add(line);
            if (line.StartsWith("@@exit", StringComparison.Ordinal))
            {
                parts.Add(current.ToArray());
                current = null;
            }
        }

        return parts;
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
