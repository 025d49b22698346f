using System;
using System.Collections.Generic;
using System.IO;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace SensorNode.Cli.CommandLine;

/// <summary>
/// Response files (docs/cli.md): a token <c>@FILE</c> is replaced by the arguments FILE holds, in System.CommandLine's
/// own format, except where the token is the value of the option before it. A value is always taken literally, so
/// <c>--password @x</c> is the password "@x", never the content of a file named x; after "--" nothing is expanded. System.CommandLine's own
/// replacement, which cannot tell the two apart, is switched off (<see cref="Parser"/>).
/// </summary>
internal static class ResponseFiles
{
    /// <summary>Deepest nesting of response files named inside response files.</summary>
    public const int MaxDepth = 8;

    /// <summary>Parser settings with System.CommandLine's own response-file replacement off: <see cref="Expand"/> does it.</summary>
    public static ParserConfiguration Parser => new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// <paramref name="args"/> with every <c>@FILE</c> that stands in place of an option or argument replaced by
    /// FILE's arguments; null with <paramref name="error"/> when a file cannot be read.
    /// </summary>
    public static IReadOnlyList<string>? Expand(IReadOnlyList<string> args, Command root, out string? error)
    {
        var valueOptions = new HashSet<string>();
        var manyOptions = new HashSet<string>();
        Collect(root, valueOptions, manyOptions);
        var expanded = new List<string>();
        error = null;
        return Append(args, expanded, valueOptions, manyOptions, 0, ref error) ? expanded : null;
    }

    private static bool Append(IReadOnlyList<string> tokens, List<string> into, HashSet<string> valueOptions, HashSet<string> manyOptions, int depth, ref string? error)
    {
        foreach (string token in tokens)
        {
            bool isValue = into.Count > 0 && (valueOptions.Contains(into[^1]) || FollowsManyValuedOption(into, manyOptions));
            if (token.Length < 2 || token[0] != '@' || isValue || into.Contains("--"))
            {
                into.Add(token);
                continue;
            }

            if (depth >= MaxDepth)
            {
                error = $"response files nest deeper than {MaxDepth} levels at '{token}'";
                return false;
            }

            List<string>? replacement = Read(token[1..], ref error);
            if (replacement == null || !Append(replacement, into, valueOptions, manyOptions, depth + 1, ref error))
            {
                return false;
            }
        }

        return true;
    }

    // System.CommandLine's format: per line, trimmed; empty lines and lines starting with '#' skipped; each line split
    // on white space, with "double quotes" around a value that holds spaces. A '@' inside is expanded by Append, bounded.
    private static List<string>? Read(string path, ref string? error)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"response file not found: '{path}'";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read the response file '{path}': {ex.Message}";
            return null;
        }

        var tokens = new List<string>();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                tokens.AddRange(CommandLineParser.SplitCommandLine(line));
            }
        }

        return tokens;
    }

    // True when the tokens since the last one that starts with '-' follow an option that takes several values
    // (`--input a.pe @b.pe`): the next token is one more of its values, taken literally.
    private static bool FollowsManyValuedOption(List<string> into, HashSet<string> manyOptions)
    {
        for (int i = into.Count - 1; i >= 0; i--)
        {
            if (into[i].StartsWith('-'))
            {
                return manyOptions.Contains(into[i]);
            }
        }

        return false;
    }

    // Every name and alias of an option that takes a value (and of one that takes several), in the whole command tree.
    private static void Collect(Command command, HashSet<string> names, HashSet<string> many)
    {
        foreach (Option option in command.Options)
        {
            if (option.Arity.MaximumNumberOfValues > 0)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }

            if (option.Arity.MaximumNumberOfValues > 1)
            {
                many.Add(option.Name);
                many.UnionWith(option.Aliases);
            }
        }

        foreach (Command sub in command.Subcommands)
        {
            Collect(sub, names, many);
        }
    }
}
