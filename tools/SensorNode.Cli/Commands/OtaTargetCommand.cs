using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SensorNode.Cli.CommandLine;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SensorNode.Core.Ota;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode ota target --firmware FILE --board B [--namespace NS] [--output FILE]`: the firmware table the
/// loader and the node check images against (OtaTarget.cs, docs/spec/ota-image.md §5 steps 9-10), from the
/// `native_assemblies.csv` that nanoFramework firmware packages carry (lines `name,version,checksum`; the
/// package .zip itself, as nanoff caches it, is read too).
/// </summary>
internal static class OtaTargetCommand
{
    private static readonly Regex Name = new("^[A-Za-z_][A-Za-z0-9_.]*$");

    public static int Run(ParsedOptions a, TextWriter stdout)
    {
        string firmware = a.Required("--firmware");
        string board = a.Required("--board");
        string ns = a.Optional("--namespace") ?? OtaGetpub.DefaultNamespace;
        string? output = a.Optional("--output");
        // The board is compared with the image header's board field: it must be encodable there.
        if (!AsciiField.Write(board, new byte[ImageFormat.NameLength], 0, ImageFormat.NameLength, AsciiField.Board))
        {
            throw new CliException($"--board must be 1..31 of [a-z0-9._-] (the image header's board field, e.g. esp32-devkitc), got '{board}'");
        }

        if (!Regex.IsMatch(ns, "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"))
        {
            throw new CliException($"--namespace must be a C# namespace like {OtaGetpub.DefaultNamespace}, got '{ns}'");
        }

        if (output != null)
        {
            OutputPathGuard.Check("--output", output, new[] { firmware });
        }

        var entries = Parse(ReadCsv(firmware), Path.GetFileName(firmware));
        string source = Source(ns, Path.GetFileName(firmware), board, entries);
        if (output == null)
        {
            stdout.Write(source);
        }
        else
        {
            OutputPathGuard.WriteAtomically("--output", output, new[] { firmware }, System.Text.Encoding.UTF8.GetBytes(source));
            stdout.WriteLine($"ota target: {output}: board {board}, {entries.Count} native assemblies");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The native assemblies of a csv text: (name, version parts, checksum), in file order.</summary>
    public static List<(string Name, int[] Version, uint Checksum)> Parse(string csv, string source)
    {
        var entries = new List<(string, int[], uint)>();
        string[] lines = csv.Replace("\r", string.Empty).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split(',');
            string where = $"--firmware {source}:{i + 1}";
            if (parts.Length != 3)
            {
                throw new CliException($"{where}: expected name,version,checksum, got '{line}'");
            }

            string name = parts[0].Trim();
            if (!Name.IsMatch(name))
            {
                throw new CliException($"{where}: '{name}' is not an assembly name");
            }

            string[] v = parts[1].Trim().Split('.');
            int[] version = new int[4];
            if (v.Length != 4 || !v.Select((t, k) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out version[k]) && version[k] <= 65535).All(ok => ok))
            {
                throw new CliException($"{where}: version must be MAJOR.MINOR.BUILD.REVISION (each 0-65535), got '{parts[1].Trim()}'");
            }

            string c = parts[2].Trim();
            bool hex = c.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!uint.TryParse(hex ? c[2..] : c, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out uint checksum))
            {
                throw new CliException($"{where}: checksum must be 0x-hex or decimal (32 bits), got '{c}'");
            }

            if (entries.Any(e => e.Item1 == name))
            {
                throw new CliException($"{where}: {name} is listed twice");
            }

            entries.Add((name, version, checksum));
        }

        return entries.Count > 0 ? entries : throw new CliException($"--firmware {source}: no native assemblies listed");
    }

    private static string ReadCsv(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"--firmware: no such file '{path}' (give native_assemblies.csv or the firmware package .zip)");
        }

        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllText(path);
        }

        try
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            ZipArchiveEntry entry = zip.Entries.FirstOrDefault(e => e.Name == "native_assemblies.csv")
                ?? throw new CliException($"--firmware {path}: the package holds no native_assemblies.csv (older firmware packages lack it; list the assemblies from `nanoff --devicedetails` in a csv)");
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"--firmware {path}: not a readable zip ({ex.Message})");
        }
    }

    private static string Source(string ns, string from, string board, List<(string Name, int[] Version, uint Checksum)> entries)
    {
        var s = new StringBuilder();
        s.Append("// Generated by `sensornode ota target` from ").Append(from).Append(". Do not edit; regenerate instead.\n");
        s.Append("using SensorNode.Core.Ota;\n\n");
        s.Append("namespace ").Append(ns).Append("\n{\n");
        s.Append("    /// <summary>\n");
        s.Append("    /// What images this build accepts, shared by the loader (boot decision) and the application (the updater\n");
        s.Append("    /// refuses an image the loader would not start): the board it is flashed on and the native assemblies of\n");
        s.Append("    /// the firmware it runs on (docs/spec/ota-image.md §5 steps 9-10). An image compat entry must name one of\n");
        s.Append("    /// them with the same version and, when the entry's checksum is not 0, the same native checksum.\n");
        s.Append("    /// </summary>\n");
        s.Append("    public static class OtaTarget\n    {\n");
        s.Append("        /// <summary>Board profile the images must name.</summary>\n");
        s.Append("        public const string Board = \"").Append(board).Append("\";\n\n");
        s.Append("        /// <summary>The firmware's native assemblies (checksum 0 = unknown: only image entries without a checksum match it).</summary>\n");
        s.Append("        public static FirmwareAssembly[] Firmware()\n        {\n            return new FirmwareAssembly[]\n            {\n");
        foreach ((string name, int[] v, uint checksum) in entries)
        {
            s.Append("                new FirmwareAssembly(\"").Append(name).Append("\", ")
                .Append(string.Join(", ", v.Select(x => x.ToString(CultureInfo.InvariantCulture))))
                .Append(", 0x").Append(checksum.ToString("X8", CultureInfo.InvariantCulture)).Append("),\n");
        }

        s.Append("            };\n        }\n\n");
        s.Append("        /// <summary>The policy images are checked against (security floor 0: the slot state holds the real floor).</summary>\n");
        s.Append("        public static ImagePolicy Policy()\n        {\n            return new ImagePolicy(Board, Firmware(), 0);\n        }\n    }\n}\n");
        return s.ToString();
    }
}
