using System;
using System.Collections.Generic;
using System.Globalization;

namespace SensorNode.Cli;

/// <summary>
/// Minimal GNU-style option reader: "--name value", "--name=value", "--flag", and options that take
/// several values ("--input a b c"). Every option must be known to the verb; anything else is a usage
/// error (exit code 2) that names the option.
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArgs()
    {
    }

    public IReadOnlyList<string> Positionals { get; private set; } = Array.Empty<string>();

    /// <summary>Parses <paramref name="args"/> given the verb's valued options and flags.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, IEnumerable<string> valued, IEnumerable<string> flags)
    {
        var known = new HashSet<string>(valued, StringComparer.Ordinal);
        var knownFlags = new HashSet<string>(flags, StringComparer.Ordinal);
        var result = new CliArgs();
        var positionals = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token == "--")
            {
                positionals.Add(token);
                continue;
            }

            string name = token;
            string? inline = null;
            int eq = token.IndexOf('=');
            if (eq > 0)
            {
                name = token.Substring(0, eq);
                inline = token.Substring(eq + 1);
            }

            if (knownFlags.Contains(name))
            {
                if (inline != null)
                {
                    throw new CliException($"option {name} takes no value");
                }

                result._flags.Add(name);
                continue;
            }

            if (!known.Contains(name))
            {
                throw new CliException($"unknown option {name}");
            }

            if (!result._values.TryGetValue(name, out List<string>? list))
            {
                list = new List<string>();
                result._values[name] = list;
            }

            if (inline != null)
            {
                list.Add(inline);
                continue;
            }

            int before = list.Count;
            while (i + 1 < args.Count && !(args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
            {
                list.Add(args[++i]);
            }

            if (list.Count == before)
            {
                throw new CliException($"option {name} needs a value");
            }
        }

        result.Positionals = positionals;
        return result;
    }

    public bool Has(string name) => _flags.Contains(name) || _values.ContainsKey(name);

    public string? Optional(string name)
    {
        if (!_values.TryGetValue(name, out List<string>? list))
        {
            return null;
        }

        if (list.Count != 1)
        {
            throw new CliException($"option {name} takes one value, got {list.Count}");
        }

        return list[0];
    }

    public string Required(string name) => Optional(name) ?? throw new CliException($"missing required option {name}");

    public IReadOnlyList<string> Many(string name) => _values.TryGetValue(name, out List<string>? list) ? list : Array.Empty<string>();

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
}
