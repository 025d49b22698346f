using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SensorNode.Cli.Provisioning;

/// <summary>
/// Reads what `nanoff --filedeployment` printed. nanoff exits 0 even when a file failed
/// (nanoFirmwareFlasher.Library/FileDeployment/FileDeploymentManager.cs, DeployAsync): per file it writes
/// "Deploying file SRC to DST..." followed by "OK" on success, or by a new line
/// "Error deploying content file SRC to DST" (or, at normal verbosity, "Exception deploying content file SRC to DST").
/// A file counts as deployed only when its line ends in OK; any file not reported so is missing.
/// nanoff has no command that lists I:\, so this report is the only read-back available over USB.
/// </summary>
internal static partial class NanoffReport
{
    /// <summary>The destinations of <paramref name="files"/> that nanoff's <paramref name="output"/> does not report as deployed.</summary>
    public static IReadOnlyList<string> Missing(string output, IReadOnlyList<NanoffFile> files)
    {
        string[] lines = Ansi().Replace(output, string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var missing = new List<string>();
        foreach (NanoffFile file in files)
        {
            string started = $"Deploying file {file.Source} to {file.Destination}...";
            bool ok = false;
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.StartsWith(started, StringComparison.Ordinal) && line.Substring(started.Length).Trim() == "OK")
                {
                    ok = true;
                }
            }

            if (!ok)
            {
                missing.Add(file.Destination);
            }
        }

        return missing;
    }

    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
