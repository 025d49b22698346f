using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Core.Board;
using SensorNode.Host.Ota;

namespace SensorNode.Cli.Commands;

/// <summary>
/// What `ota sign` refuses before it writes an image (docs/spec/ota-slots.md §10-§11): assemblies that would bind
/// to, or shadow, the loader's; an image larger than the board's slot budget, or a board that takes no field
/// updates. Takes typed values, so any argument parser can call it. Refusals are CliException (exit 2).
/// </summary>
internal static class OtaSignGuard
{
    /// <summary>Checks the .pe files against the loader's deployment (<paramref name="loaderPeFiles"/>, else the repository's table).</summary>
    public static void CheckAssemblies(IReadOnlyList<(string FileName, byte[] Bytes)> files, IReadOnlyList<string> loaderPeFiles)
    {
        LoaderAssemblies loader;
        try
        {
            foreach (string path in loaderPeFiles)
            {
                if (!File.Exists(path))
                {
                    throw new CliException($"--loader {path}: no such file");
                }
            }

            loader = loaderPeFiles.Count > 0 ? LoaderAssemblies.FromPeFiles(loaderPeFiles) : LoaderAssemblies.FromRepositoryTable();
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }

        string? refusal = ImageAssemblyRules.Check(files, loader);
        if (refusal != null)
        {
            throw new CliException("refused: " + refusal);
        }
    }

    /// <summary>Checks the signed image's size against the board's slot budget; a board this tool has no profile of is reported, not refused.</summary>
    public static void CheckSlotBudget(string board, long imageBytes, TextWriter stdout)
    {
        BoardProfile? profile = SlotBudget.KnownProfile(board);
        if (profile == null)
        {
            stdout.WriteLine($"ota sign: no built-in profile for board {board}: slot budget not checked (updatable boards: esp32-devkitc-ve)");
            return;
        }

        string? refusal = SlotBudget.Check(profile, imageBytes);
        if (refusal != null)
        {
            throw new CliException("refused: " + refusal);
        }
    }
}
