using System.CommandLine;

namespace SensorNode.Cli.CommandLine;

/// <summary>
/// Builds the System.CommandLine options every verb declares. Values arrive as text and are checked by
/// <see cref="ParsedOptions"/> (ranges, units) so every error line names the option the same way.
/// </summary>
internal static class Opt
{
    /// <summary>An option with one value, e.g. <c>--window N</c>.</summary>
    public static Option<string> Value(string name, string helpName, string description, bool required = false) =>
        new(name) { HelpName = helpName, Description = description, Required = required };

    /// <summary>An option with one or more values, e.g. <c>--input a.pe b.pe</c> or <c>--input a.pe --input b.pe</c>.</summary>
    public static Option<string[]> Many(string name, string helpName, string description, bool required = false) =>
        new(name)
        {
            HelpName = helpName,
            Description = description,
            Required = required,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };

    /// <summary>A switch without a value, e.g. <c>--json</c>.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };
}
