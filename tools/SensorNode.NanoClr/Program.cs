using System.Diagnostics;

namespace SensorNode.NanoClr;

/// <summary>
/// The nanoCLR test stage. Usage (tools/nanoclr-tests.sh calls it after building the NanoCheck projects):
/// <c>SensorNode.NanoClr --repo DIR --toolchain DIR --configuration Release --out DIR --counts FILE [--timeout SECONDS]</c>.
/// <c>SensorNode.NanoClr convert ...</c> converts one assembly (<see cref="ConvertCommand"/>).
/// With <c>--bisect-heap yes</c> it only converts the deployables and prints the smallest heap each heap probe runs in.
/// Prints every failure and a summary, writes "passed failed skipped" to the counts file, exits 0 when it could
/// score the run (test.sh judges the counts) and 2 on a usage error.
/// </summary>
public static class Program
{
    private const string TestFramework = "nanoFramework.TestFramework";

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "convert")
        {
            return ConvertCommand.Run(args.Skip(1).ToArray());
        }

        Dictionary<string, string> options = new(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !options.ContainsKey("--repo") || !options.ContainsKey("--toolchain") || !options.ContainsKey("--out") || !options.ContainsKey("--counts"))
        {
            Console.Error.WriteLine("usage: SensorNode.NanoClr --repo DIR --toolchain DIR --out DIR --counts FILE [--configuration Release] [--timeout SECONDS] [--bisect-heap yes]");
            return 2;
        }

        string repo = Path.GetFullPath(options["--repo"]);
        string configuration = options.GetValueOrDefault("--configuration", "Release");
        string output = Path.GetFullPath(options["--out"]);
        TimeSpan timeout = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("--timeout", "900"), System.Globalization.CultureInfo.InvariantCulture));
        Toolchain toolchain = new(Path.GetFullPath(options["--toolchain"]), Toolchain.DefaultCoreLibraryFolder());
        Tally tally = new();
        Stopwatch watch = Stopwatch.StartNew();

        string? missing = toolchain.Missing();
        if (missing != null)
        {
            tally.Fail("nanoCLR toolchain", missing + " is missing");
        }
        else
        {
            Directory.CreateDirectory(output);
            ConvertDeployables(repo, configuration, toolchain, Path.Combine(output, "deploy"), tally);
            CheckSizeBudgets(repo, Path.Combine(output, "deploy"), tally);
            if (options.ContainsKey("--bisect-heap"))
            {
                HeapProbes.Bisect(repo, configuration, toolchain, Path.Combine(output, "heap"));
                File.WriteAllText(options["--counts"], "0 0 0\n");
                return 0;
            }

            RunUnitTests(repo, configuration, toolchain, Path.Combine(output, "test"), timeout, tally);
            HeapProbes.Check(repo, configuration, toolchain, Path.Combine(output, "heap"), tally);
        }

        foreach (string failure in tally.Failures)
        {
            Console.WriteLine("nanoCLR FAILED " + failure);
        }

        Console.WriteLine($"nanoCLR stage: {tally.Passed} passed, {tally.Failed} failed" + (tally.Skipped > 0 ? $", {tally.Skipped} skipped" : string.Empty) + $" in {watch.Elapsed.TotalSeconds:F0} s");
        File.WriteAllText(options["--counts"], tally.CountsLine() + "\n");
        return 0;
    }

    /// <summary>Every assembly deployments.json names converts with the MetadataProcessor: one test each.</summary>
    private static void ConvertDeployables(string repo, string configuration, Toolchain toolchain, string folder, Tally tally)
    {
        foreach (string assembly in FirmwareProjects.Deployable(repo))
        {
            string? dll = FirmwareProjects.NanoCheckDll(repo, assembly, configuration);
            string? failure = dll == null ? "no project under firmware/ imports NanoCheck.props with AssemblyName " + assembly
                : !File.Exists(dll) ? dll + " was not built"
                : new Converter(toolchain).Convert(dll, folder, new Dictionary<string, string>());
            tally.Record("convert " + assembly, failure);
        }
    }

    /// <summary>Each deployable .pe and each deployment role's total against firmware/footprint-budgets.json: one test each.</summary>
    private static void CheckSizeBudgets(string repo, string folder, Tally tally)
    {
        SensorNode.Host.Footprint.FootprintReport report;
        try
        {
            report = SensorNode.Host.Footprint.FootprintReport.Measure(Path.Combine(repo, "firmware", "deployments.json"), folder, Path.Combine(repo, "firmware", "footprint-budgets.json"));
        }
        catch (SensorNode.Host.Footprint.FootprintException ex)
        {
            tally.Fail("size budgets", ex.Message);
            return;
        }

        foreach (SensorNode.Host.Footprint.FootprintItem item in report.Assemblies.Concat(report.Roles))
        {
            string what = item.Parts.Length == 0 ? item.Name + ".pe" : "role " + item.Name;
            tally.Record("size budget " + what, item.WithinBudget ? null
                : item.BudgetBytes is long budget ? $"{item.Bytes} bytes, over its budget of {budget} (firmware/footprint-budgets.json, docs/benchmarks/footprint.md)"
                : $"{item.Bytes} bytes and no budget: add one to firmware/footprint-budgets.json");
        }
    }

    /// <summary>Converts NFUnitTest and the firmware assemblies it uses, runs it on nanoCLR and scores every declared case.</summary>
    private static void RunUnitTests(string repo, string configuration, Toolchain toolchain, string folder, TimeSpan timeout, Tally tally)
    {
        string dll = Path.Combine(repo, "nfproj-tests", "check", "bin", configuration, "netstandard2.0", "NFUnitTest.dll");
        if (!File.Exists(dll))
        {
            tally.Fail("NFUnitTest", dll + " was not built");
            return;
        }

        AssemblyFacts tests = AssemblyFacts.Read(dll);
        List<string> order = new();
        LoadOrder(Path.GetDirectoryName(dll)!, tests.Name, order, new HashSet<string>(StringComparer.Ordinal));
        Dictionary<string, string> overrides = new() { [TestFramework] = toolchain.TestFrameworkDll };
        bool converted = true;
        List<string> pes = new();
        foreach (string name in order)
        {
            string? failure = new Converter(toolchain).Convert(Path.Combine(Path.GetDirectoryName(dll)!, name + ".dll"), folder, overrides);
            tally.Record("convert " + name + " (for NFUnitTest)", failure);
            converted &= failure == null;
            pes.Add(Path.Combine(folder, name + ".pe"));
        }

        if (!converted)
        {
            foreach (string expected in tests.TestCases)
            {
                tally.Fail(expected, "not run: a conversion failed");
            }

            return;
        }

        UnitTestRun.Run(toolchain, pes, tests.TestCases, timeout, Path.Combine(folder, "nanoclr.log"), tally);
    }

    /// <summary>Dependencies before dependents, from the DLLs in <paramref name="folder"/>; mscorlib and the test framework come from the toolchain.</summary>
    internal static void LoadOrder(string folder, string name, List<string> order, HashSet<string> seen)
    {
        if (name == "mscorlib" || name == TestFramework || !seen.Add(name))
        {
            return;
        }

        string dll = Path.Combine(folder, name + ".dll");
        if (File.Exists(dll))
        {
            foreach (string reference in AssemblyFacts.Read(dll).References)
            {
                LoadOrder(folder, reference, order, seen);
            }
        }

        order.Add(name);
    }
}
