using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SensorNode.NanoClr;

/// <summary>
/// Runs a converted NFUnitTest on nanoCLR with upstream's TestFramework and UnitTestLauncher and scores it from the
/// launcher's output (nanoCLR exits 0 whatever happens). Every case the assembly declares that never reports (a crash,
/// a hang, a timeout, a link failure) counts as failed.
/// </summary>
internal static partial class UnitTestRun
{
    [GeneratedRegex(@"^Test (passed|failed|skipped),([^,]+),?(.*)$")]
    private static partial Regex ResultLine();

    public static void Run(Toolchain toolchain, IReadOnlyList<string> assembliesInLoadOrder, IReadOnlyList<string> expectedCases, TimeSpan timeout, string logPath, Tally tally)
    {
        List<string> args = new() { toolchain.MscorlibPe, toolchain.TestFrameworkPe, toolchain.LauncherPe };
        args.AddRange(assembliesInLoadOrder);
        Stopwatch watch = Stopwatch.StartNew();
        ProcessResult result = ProcessResult.Run(toolchain.NanoClr, args, timeout);
        File.WriteAllText(logPath, result.Output);
        HashSet<string> reported = new(StringComparer.Ordinal);
        foreach (string raw in result.Output.Split('\n'))
        {
            Match m = ResultLine().Match(raw.TrimEnd('\r'));
            if (!m.Success)
            {
                continue;
            }

            string name = m.Groups[2].Value;
            if (!reported.Add(name))
            {
                tally.Fail(name, "reported twice");
                continue;
            }

            switch (m.Groups[1].Value)
            {
                case "passed": tally.Pass(); break;
                case "skipped": tally.Skip(); break;
                default: tally.Fail(name, m.Groups[3].Value); break;
            }
        }

        string why = result.TimedOut ? "nanoCLR timed out after " + (int)timeout.TotalSeconds + " s"
            : result.ExitCode != 0 ? "nanoCLR exited with " + result.ExitCode
            : LastMeaningfulLine(result.Output);
        int missing = 0;
        foreach (string expected in expectedCases)
        {
            if (!reported.Contains(expected))
            {
                missing++;
                tally.Fail(expected, "never reported (" + why + ")");
            }
        }

        Console.WriteLine($"nanoCLR: NFUnitTest ran in {watch.Elapsed.TotalSeconds:F1} s, {reported.Count} cases reported of {expectedCases.Count} declared" + (missing > 0 ? $", {missing} never reported" : string.Empty) + $" (log: {logPath})");
    }

    private static string LastMeaningfulLine(string output)
    {
        string[] lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "Exiting." && l != "Done.").ToArray();
        return lines.Length == 0 ? "no output" : "last output: " + lines[^1];
    }
}
