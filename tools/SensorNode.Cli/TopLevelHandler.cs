using System;
using System.Collections.Generic;
using System.IO;

namespace SensorNode.Cli;

/// <summary>
/// Runs one verb so that nothing but one line reaches the user (docs/hostile-peers.md): a
/// <see cref="CliException"/> becomes "sensornode VERB: message" with its exit code; anything unexpected
/// becomes "sensornode VERB: unexpected error (Type): message" and exit 1, never a stack trace. Every line
/// it writes has the command line's secrets redacted (<see cref="SecretRedactor"/>).
/// </summary>
public static class TopLevelHandler
{
    /// <summary>Longest message printed; a hostile peer's text is cut there.</summary>
    public const int MaxMessageChars = 300;

    public static int Run(string verb, IReadOnlyList<string> args, Func<int> body, TextWriter stderr)
    {
        var secrets = new SecretRedactor(args);
        string who = verb.Length > 0 ? "sensornode " + verb : "sensornode";
        try
        {
            return body();
        }
        catch (CliException ex)
        {
            stderr.WriteLine(OneLine($"{who}: {ex.Message}", secrets));
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Exception inner = ex is AggregateException { InnerException: { } first } ? first : ex;
            stderr.WriteLine(OneLine($"{who}: unexpected error ({inner.GetType().Name}): {inner.Message}", secrets));
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// For the process (Main): an exception escaping on another thread (a library callback) also ends as
    /// one redacted line and exit 1 instead of the runtime's stack trace.
    /// </summary>
    public static void CatchOtherThreads(IReadOnlyList<string> args, TextWriter stderr)
    {
        var secrets = new SecretRedactor(args);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            string message = e.ExceptionObject is Exception ex ? $"{ex.GetType().Name}): {ex.Message}" : "unknown)";
            stderr.WriteLine(OneLine("sensornode: unexpected error (" + message, secrets));
            stderr.Flush();
            Environment.Exit(ExitCodes.Failed);
        };
    }

    /// <summary>The text on one line (control characters as spaces), secrets redacted, at most <see cref="MaxMessageChars"/> characters.</summary>
    public static string OneLine(string text, SecretRedactor secrets)
    {
        char[] chars = secrets.Redact(text).ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        string line = new string(chars).Trim();
        return line.Length <= MaxMessageChars ? line : line[..(MaxMessageChars - 1)] + "…";
    }
}
