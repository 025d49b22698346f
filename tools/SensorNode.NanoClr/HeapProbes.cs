using System.Diagnostics;
using System.Text.Json;

namespace SensorNode.NanoClr;

/// <summary>
/// The heap probes (tools/SensorNode.HeapProbe): the always-on runner and a run of deep-sleep wake cycles on nanoCLR
/// with the managed heap limited (NANOCLR_HEAP_KB). A probe passes when it prints "HEAP PROBE PASSED"; an
/// OutOfMemoryException, an abort of the runtime or a wrong result ends it without that line.
/// </summary>
internal static class HeapProbes
{
    public const string PassedLine = "HEAP PROBE PASSED";

    public static readonly string[] Modes = { "AlwaysOn", "DeepSleep" };

    public static string ProjectFolder(string repo, string mode) => Path.Combine(repo, "tools", "SensorNode.HeapProbe", mode);

    /// <summary>The heap budget in KB from firmware/footprint-budgets.json ("heapKilobytes").</summary>
    public static int BudgetKilobytes(string repo)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo, "firmware", "footprint-budgets.json")));
        return doc.RootElement.GetProperty("heapKilobytes").GetInt32();
    }

    /// <summary>Converts the probe and the firmware assemblies it uses; returns the .pe files in load order, or null after recording the failure.</summary>
    public static List<string>? Convert(string repo, string mode, string configuration, Toolchain toolchain, string folder, Tally tally)
    {
        string bin = Path.Combine(ProjectFolder(repo, mode), "bin", configuration, "netstandard2.0");
        string name = "SensorNode.HeapProbe." + mode;
        if (!File.Exists(Path.Combine(bin, name + ".dll")))
        {
            tally.Fail("heap probe " + mode, Path.Combine(bin, name + ".dll") + " was not built");
            return null;
        }

        List<string> order = new();
        Program.LoadOrder(bin, name, order, new HashSet<string>(StringComparer.Ordinal));
        List<string> pes = new();
        foreach (string assembly in order)
        {
            string? failure = new Converter(toolchain).Convert(Path.Combine(bin, assembly + ".dll"), folder, new Dictionary<string, string>());
            if (failure != null)
            {
                tally.Fail("heap probe " + mode, "converting " + assembly + ": " + failure);
                return null;
            }

            pes.Add(Path.Combine(folder, assembly + ".pe"));
        }

        return pes;
    }

    /// <summary>Runs a converted probe with a heap of <paramref name="kilobytes"/> KB; null when it passed, else why not.</summary>
    public static string? Run(Toolchain toolchain, IReadOnlyList<string> pes, int kilobytes, TimeSpan timeout, out string output)
    {
        List<string> args = new() { toolchain.MscorlibPe };
        args.AddRange(pes);
        ProcessResult result = ProcessResult.Run(toolchain.NanoClr, args, timeout, new Dictionary<string, string> { ["NANOCLR_HEAP_KB"] = kilobytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        output = result.Output;
        if (result.Output.Contains(PassedLine, StringComparison.Ordinal))
        {
            return null;
        }

        return result.TimedOut ? "timed out"
            : result.Output.Contains("OutOfMemory", StringComparison.Ordinal) ? "OutOfMemoryException"
            : result.ExitCode != 0 ? "the runtime aborted (exit " + result.ExitCode + "), out of memory"
            : "no \"" + PassedLine + "\": " + result.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && l != "Exiting." && l != "Done.");
    }

    /// <summary>The test: each mode runs in the budget heap. One test per mode.</summary>
    public static void Check(string repo, string configuration, Toolchain toolchain, string folder, Tally tally)
    {
        int budget = BudgetKilobytes(repo);
        foreach (string mode in Modes)
        {
            List<string>? pes = Convert(repo, mode, configuration, toolchain, Path.Combine(folder, mode), tally);
            if (pes == null)
            {
                continue;
            }

            Stopwatch watch = Stopwatch.StartNew();
            string? failure = Run(toolchain, pes, budget, TimeSpan.FromMinutes(5), out string output);
            File.WriteAllText(Path.Combine(folder, mode, "nanoclr.log"), output);
            string summary = output.Split('\n').FirstOrDefault(l => l.StartsWith("heap probe", StringComparison.Ordinal))?.Trim() ?? "no summary";
            Console.WriteLine($"nanoCLR: heap probe {mode} with a {budget} KB heap: {(failure == null ? "ran" : "FAILED")} in {watch.Elapsed.TotalSeconds:F1} s ({summary})");
            tally.Record($"heap probe {mode} runs in {budget} KB", failure);
        }
    }

    /// <summary>Smallest heap in KB each mode runs in (binary search between 16 KB and 4 MB); printed, not a test.</summary>
    public static void Bisect(string repo, string configuration, Toolchain toolchain, string folder)
    {
        Tally ignored = new();
        foreach (string mode in Modes)
        {
            List<string>? pes = Convert(repo, mode, configuration, toolchain, Path.Combine(folder, mode), ignored);
            if (pes == null)
            {
                Console.WriteLine($"heap bisection {mode}: {string.Join("; ", ignored.Failures)}");
                continue;
            }

            int low = 16;
            int high = 4096;
            if (Run(toolchain, pes, high, TimeSpan.FromMinutes(5), out _) != null)
            {
                Console.WriteLine($"heap bisection {mode}: does not run even in {high} KB");
                continue;
            }

            while (high - low > 1)
            {
                int mid = (low + high) / 2;
                if (Run(toolchain, pes, mid, TimeSpan.FromMinutes(5), out _) == null)
                {
                    high = mid;
                }
                else
                {
                    low = mid;
                }
            }

            Run(toolchain, pes, high, TimeSpan.FromMinutes(5), out string output);
            string summary = output.Split('\n').FirstOrDefault(l => l.StartsWith("heap probe", StringComparison.Ordinal))?.Trim() ?? string.Empty;
            int budget = BudgetKilobytes(repo);
            Console.WriteLine($"heap bisection {mode}: smallest heap {high} KB (fails at {low} KB); headroom on a {budget} KB heap: {budget - high} KB; {summary}");
        }
    }
}
