using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Commands;

namespace SensorNode.Cli;

/// <summary>
/// `sensornode`: the host CLI, parsed by System.CommandLine. Each verb is one class in Commands/ with a
/// static <c>Create()</c> that declares its options (CommandLine/Opt.cs) and its action.
/// </summary>
public static class Program
{
    // To add a verb: write Commands/XCommand.cs with `internal static Command Create()` and add it here.
    // Keep alphabetical; the order is the order of `sensornode --help`.
    private static readonly Func<Command>[] Verbs =
    {
        CollectCommand.Create,
        ExportCommand.Create,
        FootprintCommand.Create,
        MonitorCommand.Create,
        OtaCommand.Create,
        PowerCommand.Create,
        ProvisionCommand.Create,
        ReplayCommand.Create,
        SimulateCommand.Create,
    };

    public static int Main(string[] args)
    {
        TopLevelHandler.CatchOtherThreads(args, Console.Error);
        return TopLevelHandler.Run("", args, () => Run(args, Console.Out, Console.Error), Console.Error);
    }

    /// <summary>The command tree: the root, every verb, and the usage-first help.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("sensornode: simulate, replay, provision, sign updates for and watch SensorNode field nodes.");
        foreach (Func<Command> create in Verbs)
        {
            root.Subcommands.Add(create());
        }

        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new UsageHelpAction((HelpAction)help.Action!);
        return root;
    }

    /// <summary>Runs the CLI with the given writers; used by tests to run verbs in-process.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>
    /// Runs the CLI with the given writers; <paramref name="stop"/> ends a verb that runs until stopped (collect,
    /// monitor without --once, simulate) as Ctrl+C does (<see cref="CliStop"/>).
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        CliStop.Set(stop);
        RootCommand root = BuildRoot();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        // Response files first (CommandLine/ResponseFiles.cs): a value such as --password @x stays literal.
        IReadOnlyList<string>? expanded = ResponseFiles.Expand(args, root, out string? fileError);
        if (expanded == null)
        {
            stderr.WriteLine(TopLevelHandler.OneLine($"sensornode: {fileError}", new SecretRedactor(args)));
            return ExitCodes.Usage;
        }

        if (expanded.Count == 0)
        {
            // No verb (nothing given, or only empty response files): the verb list on stderr, exit 2.
            root.Parse(new[] { "--help" }).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
            return ExitCodes.Usage;
        }

        ParseResult result = root.Parse(expanded, ResponseFiles.Parser);
        string? verb = VerbOf(result);
        if (result.Errors.Count > 0 && result.CommandResult.Command is { Subcommands.Count: > 0, Action: SynchronousCommandLineAction group } and not RootCommand)
        {
            // "ota frobnicate", "replay": the group's own action names the subcommands it has.
            return Guarded(() => group.Invoke(result), verb, expanded, stderr);
        }

        if (result.Action is not CommandLineAction { ClearsParseErrors: true } && UsageError.Describe(result) is string error)
        {
            // Redacted like every other line: an unknown "--password=X" or a stray secret must not come back.
            stderr.WriteLine(TopLevelHandler.OneLine(verb == null
                ? $"sensornode: unknown verb '{expanded.FirstOrDefault()}'; run 'sensornode --help' for the list"
                : $"sensornode {verb}: {error}", new SecretRedactor(expanded)));
            return ExitCodes.Usage;
        }

        return Guarded(() => result.Invoke(config), verb, expanded, stderr);
    }

    // Every verb runs under the top-level handler: a CliException is one line with its exit code, anything
    // unexpected one line and exit 1, never a stack trace, with the command line's secrets redacted.
    private static int Guarded(Func<int> run, string? verb, IReadOnlyList<string> args, TextWriter stderr) =>
        TopLevelHandler.Run(verb ?? string.Empty, args, run, stderr);

    private static string? VerbOf(ParseResult result)
    {
        string? verb = null;
        for (CommandResult? c = result.CommandResult; c != null && c.Command is not RootCommand; c = c.Parent as CommandResult)
        {
            verb = c.Command.Name;
        }

        return verb;
    }
}
