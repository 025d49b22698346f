using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using SensorNode.Cli.CommandLine;
using SensorNode.Host.Footprint;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode footprint`: the .pe size of every deployable assembly (firmware/deployments.json) and the total of each
/// deployment role (direct, loader, image), against the budgets of firmware/footprint-budgets.json
/// (docs/benchmarks/footprint.md). Exit 1 when anything is over its budget or has none.
/// </summary>
internal static class FootprintCommand
{
    public const string DefaultPeFolder = ".artifacts/nanoclr/deploy";
    public const string DefaultDeployments = "firmware/deployments.json";
    public const string DefaultBudgets = "firmware/footprint-budgets.json";

    public static Command Create()
    {
        var command = new Command("footprint", "flash size of every deployable .pe and of each deployment role, against the budgets; docs/benchmarks/footprint.md")
        {
            Opt.Value("--pe-dir", "DIR", "folder of converted .pe files [default: " + DefaultPeFolder + "]"),
            Opt.Value("--deployments", "FILE", "deployment roles [default: " + DefaultDeployments + "]"),
            Opt.Value("--budgets", "FILE", "size budgets [default: " + DefaultBudgets + "]"),
            Opt.Flag("--json", "as JSON"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(ParsedOptions a, TextWriter stdout)
    {
        return Execute(a.Optional("--deployments") ?? DefaultDeployments, a.Optional("--pe-dir") ?? DefaultPeFolder, a.Optional("--budgets") ?? DefaultBudgets, a.Has("--json"), stdout);
    }

    /// <summary>Measures and prints; the typed entry point the argument parser calls.</summary>
    public static int Execute(string deployments, string peFolder, string budgets, bool json, TextWriter stdout)
    {
        FootprintReport report;
        try
        {
            report = FootprintReport.Measure(deployments, peFolder, budgets);
        }
        catch (FootprintException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failed);
        }

        if (json)
        {
            var doc = new
            {
                assemblies = report.Assemblies.Select(i => new { name = i.Name, bytes = i.Bytes, budgetBytes = i.BudgetBytes, withinBudget = i.WithinBudget }),
                roles = report.Roles.Select(i => new { name = i.Name, assemblies = i.Parts, bytes = i.Bytes, budgetBytes = i.BudgetBytes, withinBudget = i.WithinBudget }),
            };
            stdout.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            stdout.WriteLine($"{"assembly (.pe)",-26} {"bytes",9} {"KB",7} {"budget",9}");
            foreach (FootprintItem i in report.Assemblies)
            {
                stdout.WriteLine(Line(i.Name, i));
            }

            stdout.WriteLine();
            stdout.WriteLine($"{"deployment role",-26} {"bytes",9} {"KB",7} {"budget",9}  assemblies");
            foreach (FootprintItem i in report.Roles)
            {
                stdout.WriteLine(Line(i.Name, i) + "  " + string.Join(" + ", i.Parts));
            }
        }

        return report.OverBudget.Any() ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Line(string name, FootprintItem i) =>
        $"{name,-26} {i.Bytes,9} {i.Bytes / 1024.0,7:F1} {(i.BudgetBytes is long b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none"),9}" + (i.WithinBudget ? string.Empty : "  OVER BUDGET");
}
