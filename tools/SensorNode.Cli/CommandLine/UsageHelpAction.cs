using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;

namespace SensorNode.Cli.CommandLine;

/// <summary>
/// `--help`: one synopsis line per runnable command ("usage: sensornode replay stats --window N ..."), built
/// from the declared options, then System.CommandLine's standard help (description, usage, options).
/// </summary>
internal sealed class UsageHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standard;

    public UsageHelpAction(HelpAction standard) => _standard = standard;

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        TextWriter w = parseResult.InvocationConfiguration.Output;
        w.WriteLine(Synopsis(parseResult.CommandResult.Command, Path(parseResult)));
        w.WriteLine();
        _standard.Invoke(parseResult);
        return ExitCodes.Ok;
    }

    /// <summary>"usage: PATH OPTIONS", one line per leaf command under <paramref name="command"/>.</summary>
    public static string Synopsis(Command command, string path)
    {
        if (command is RootCommand)
        {
            return "usage: sensornode <verb> [options]";
        }

        var lines = new List<string>();
        Collect(command, path, lines);
        return "usage: " + string.Join("\n       ", lines);
    }

    private static void Collect(Command command, string path, List<string> lines)
    {
        if (command.Subcommands.Count == 0)
        {
            var parts = new List<string> { path };
            parts.AddRange(command.Options.Where(o => !o.Hidden && o is not HelpOption).Select(Part));
            lines.Add(string.Join(' ', parts));
            return;
        }

        foreach (Command sub in command.Subcommands)
        {
            Collect(sub, path + " " + sub.Name, lines);
        }
    }

    private static string Part(Option o)
    {
        string text = o.Arity.MaximumNumberOfValues == 0 ? o.Name
            : o.Arity.MaximumNumberOfValues == 1 ? $"{o.Name} {o.HelpName}"
            : $"{o.Name} {o.HelpName}...";
        return o.Required ? text : $"[{text}]";
    }

    private static string Path(ParseResult r)
    {
        var names = new List<string>();
        for (var c = r.CommandResult; c != null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, c.Command is RootCommand ? "sensornode" : c.Command.Name);
        }

        return string.Join(' ', names);
    }
}
