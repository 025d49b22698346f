using System;

namespace SensorNode.Cli;

/// <summary>A problem with the command line or its input, reported as one line on stderr.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Usage)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
