using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace SensorNode.Cli.CommandLine;

/// <summary>
/// Turns System.CommandLine's parse errors into the CLI's one-line usage errors, each naming the option
/// or argument at fault: "unknown option --x", "option --window needs a value", "missing required option
/// --input", "unexpected argument 'extra'".
/// </summary>
internal static class UsageError
{
    /// <summary>The first problem as one line (without the "sensornode VERB: " prefix), or null when there is none.</summary>
    public static string? Describe(ParseResult result)
    {
        if (result.Errors.Count == 0)
        {
            return null;
        }

        Command command = result.CommandResult.Command;
        if (result.UnmatchedTokens.Count > 0)
        {
            string token = result.UnmatchedTokens[0];
            return token.Length > 1 && token[0] == '-' ? $"unknown option {token}" : $"unexpected argument '{token}'";
        }

        foreach (Option option in command.Options)
        {
            OptionResult? given = result.GetResult(option);
            if (given == null || given.Implicit)
            {
                if (option.Required)
                {
                    return $"missing required option {option.Name}";
                }

                continue;
            }

            int values = given.Tokens.Count;
            if (values == 0 && option.Arity.MinimumNumberOfValues > 0)
            {
                return $"option {option.Name} needs a value";
            }

            if (values > option.Arity.MaximumNumberOfValues)
            {
                return option.Arity.MaximumNumberOfValues == 0 ? $"option {option.Name} takes no value" : $"option {option.Name} takes one value, got {values}";
            }
        }

        return result.Errors[0].Message;
    }
}
