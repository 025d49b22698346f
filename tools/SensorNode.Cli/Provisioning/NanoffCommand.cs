using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SensorNode.Cli.Provisioning;

/// <summary>
/// The nanoff to run, from `--nanoff`: a path to an existing file is run as it is (spaces allowed); anything else
/// is split on spaces into a program and its arguments ("dotnet nanoff" for the repository's local tool manifest,
/// "nanoff" for the one on PATH). flash.ps1 passes the nanoff it flashed with, so that provisioning runs the same one.
/// </summary>
internal sealed class NanoffCommand
{
    private NanoffCommand(string program, IReadOnlyList<string> arguments)
    {
        Program = program;
        Arguments = arguments;
    }

    public string Program { get; }

    public IReadOnlyList<string> Arguments { get; }

    public static NanoffCommand Parse(string? value)
    {
        if (value == null)
        {
            return new NanoffCommand("nanoff", Array.Empty<string>());
        }

        if (File.Exists(value))
        {
            return new NanoffCommand(Path.GetFullPath(value), Array.Empty<string>());
        }

        string[] words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            throw new CliException("--nanoff is empty: give the nanoff executable (a path, 'nanoff' or 'dotnet nanoff')");
        }

        return new NanoffCommand(words[0], words[1..]);
    }

    public override string ToString() => string.Join(' ', new[] { Program }.Concat(Arguments));
}
