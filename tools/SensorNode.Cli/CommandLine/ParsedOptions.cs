using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace SensorNode.Cli.CommandLine;

/// <summary>
/// The values System.CommandLine parsed for one command, read by option name and checked with the CLI's
/// error lines ("--window must be between 1 and 4096, got 0"); any problem is a <see cref="CliException"/>
/// (exit 2).
/// </summary>
internal sealed class ParsedOptions
{
    private readonly ParseResult _result;
    private readonly Command _command;

    public ParsedOptions(ParseResult result)
    {
        _result = result;
        _command = result.CommandResult.Command;
    }

    /// <summary>Parses <paramref name="args"/> as arguments of <paramref name="command"/> alone (tests, nested use).</summary>
    public static ParsedOptions Parse(Command command, IReadOnlyList<string> args)
    {
        ParseResult result = command.Parse(args, ResponseFiles.Parser);
        if (UsageError.Describe(result) is string error)
        {
            throw new CliException(error);
        }

        return new ParsedOptions(result);
    }

    /// <summary>True when the option was given on the command line.</summary>
    public bool Has(string name) => Find(name) is Option o && _result.GetResult(o) is { Implicit: false };

    public string? Optional(string name)
    {
        Option option = Find(name) ?? throw new InvalidOperationException($"{_command.Name} declares no option {name}");
        return option is Option<string> text ? _result.GetValue(text) : throw new InvalidOperationException($"{name} is not a one-value option");
    }

    public string Required(string name) => Optional(name) ?? throw new CliException($"missing required option {name}");

    public IReadOnlyList<string> Many(string name) =>
        Find(name) is Option<string[]> many ? _result.GetValue(many) ?? Array.Empty<string>() : throw new InvalidOperationException($"{name} is not a many-value option");

    public int Int(string name, int min, int max, int? fallback = null)
    {
        string? text = Optional(name);
        if (text == null)
        {
            return fallback ?? throw new CliException($"missing required option {name}");
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw new CliException($"{name} must be a whole number, got '{text}'");
        }

        if (value < min || value > max)
        {
            throw new CliException($"{name} must be between {min} and {max}, got {value}");
        }

        return value;
    }

    public decimal Decimal(string name, decimal minExclusive, decimal maxInclusive, decimal? fallback = null)
    {
        string? text = Optional(name);
        if (text == null)
        {
            return fallback ?? throw new CliException($"missing required option {name}");
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            throw new CliException($"{name} must be a number, got '{text}'");
        }

        if (value <= minExclusive || value > maxInclusive)
        {
            throw new CliException($"{name} must be greater than {minExclusive} and at most {maxInclusive}, got {text}");
        }

        return value;
    }

    /// <summary>
    /// A fixed-point option in thousandths, as the core keeps it (e.g. --z-threshold): a value with more than three
    /// decimals is refused, never rounded, so the value printed is the value used.
    /// </summary>
    public int Milli(string name, int minMilli, int maxMilli)
    {
        string? text = Optional(name) ?? throw new CliException($"missing required option {name}");
        string range = $"{FixedText.Format(minMilli, 3).TrimEnd('0').TrimEnd('.')}..{FixedText.Format(maxMilli, 3).TrimEnd('0').TrimEnd('.')}";
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            throw new CliException($"{name} must be a number with at most 3 decimals, {range}, got '{text}'");
        }

        CliException OutOfRange()
        {
            string lower = minMilli == 1 ? "greater than 0" : "at least " + FixedText.Format(minMilli, 3);
            return new CliException($"{name} must be {lower} and at most {range[(range.IndexOf("..", StringComparison.Ordinal) + 2)..]}, in steps of 0.001, got {text}");
        }

        if (value > maxMilli / 1000m || value < (minMilli / 1000m) - 1m)
        {
            throw OutOfRange(); // before scaling: a value near decimal's limit (1e28) would overflow `value * 1000`
        }

        decimal scaled = value * 1000m;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new CliException($"{name} {text} is finer than its resolution of 0.001 (the device keeps thousandths); give at most 3 decimals, {range}");
        }

        if (scaled < minMilli || scaled > maxMilli)
        {
            throw OutOfRange();
        }

        return (int)scaled;
    }

    private Option? Find(string name) => _command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
}
