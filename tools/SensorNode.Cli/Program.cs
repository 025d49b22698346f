using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Cli.Commands;

namespace SensorNode.Cli;

/// <summary>`sensornode`: the host CLI. Each verb lives in Commands/ and runs the core's own code.</summary>
public static class Program
{
    private delegate int Verb(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);

    // One line per verb; keep alphabetical.
    private static readonly (string Name, string Summary, Verb Run)[] Verbs =
    {
        ("monitor", "live view of every node under a topic prefix (--once --json for scripts)", MonitorCommand.Run),
        ("ota", "signed update images: keygen, sign, verify, info, getpub", OtaCommand.Run),
        ("power", "battery life, radio wakes and flash wear of a deep-sleeping node", PowerCommand.Run),
        ("provision", "provision a node over serial (--port, --config), show it (--info), or via nanoff (--via-nanoff)", ProvisionCommand.Run),
        ("replay", "run recorded data through the on-device filters (stats, crest)", ReplayCommand.Run),
        ("simulate", "run a simulated node that publishes over MQTT (embedded broker by default)", SimulateCommand.Run),
    };

    public static int Main(string[] args)
    {
        TopLevelHandler.CatchOtherThreads(args, Console.Error);
        return TopLevelHandler.Run("", args, () => Run(args, Console.Out, Console.Error), Console.Error);
    }

    /// <summary>Runs the CLI with the given writers; used by tests to run verbs in-process.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Count == 0 ? stderr : stdout);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        foreach ((string name, _, Verb run) in Verbs)
        {
            if (name == args[0])
            {
                if (VerbHelp.Wanted(Slice(args)))
                {
                    stdout.WriteLine(VerbHelp.For(name));
                    return ExitCodes.Ok;
                }

                return TopLevelHandler.Run(name, args, () => run(Slice(args), stdout, stderr), stderr);
            }
        }

        stderr.WriteLine($"sensornode: unknown verb '{args[0]}'; run 'sensornode --help' for the list");
        return ExitCodes.Usage;
    }

    private static IReadOnlyList<string> Slice(IReadOnlyList<string> args)
    {
        var rest = new string[args.Count - 1];
        for (int i = 1; i < args.Count; i++)
        {
            rest[i - 1] = args[i];
        }

        return rest;
    }

    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine("usage: sensornode <verb> [options]");
        w.WriteLine();
        foreach ((string name, string summary, _) in Verbs)
        {
            w.WriteLine($"  {name,-10} {summary}");
        }

        w.WriteLine();
        w.WriteLine("sensornode <verb> --help shows the verb's options.");
    }
}
