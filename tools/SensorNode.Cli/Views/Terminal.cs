using System;
using System.IO;
using Spectre.Console;

namespace SensorNode.Cli.Views;

/// <summary>
/// Where Spectre.Console draws: only on the process's own stdout when it is a terminal and NO_COLOR is
/// not set. Everything else (pipes, files, tests' writers, NO_COLOR) gets the plain text that scripts parse.
/// </summary>
internal static class Terminal
{
    /// <summary>True when <paramref name="stdout"/> is the console's stdout, a terminal, and NO_COLOR is unset.</summary>
    public static bool IsRich(TextWriter stdout) =>
        ReferenceEquals(stdout, System.Console.Out)
        && !System.Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A Spectre console writing to <paramref name="stdout"/> (call only when <see cref="IsRich"/>).</summary>
    public static IAnsiConsole For(TextWriter stdout) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
}
