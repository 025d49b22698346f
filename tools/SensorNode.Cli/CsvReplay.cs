using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SensorNode.Cli;

/// <summary>
/// Reads a two-column CSV (text key, decimal value) and writes the result atomically: rows go to a
/// temporary file beside the output, which replaces the output only when every input row was good.
/// </summary>
internal static class CsvReplay
{
    /// <summary>Largest |value| accepted, in user units: the core's raw range is int thousandths.</summary>
    public const decimal MaxMagnitude = 2000000m;

    public delegate void RowHandler(string key, int valueMilli, TextWriter output);

    public static void Run(string inputPath, string outputPath, string keyColumn, string valueColumn, string outputHeader, RowHandler onRow, Action<TextWriter>? onEnd = null)
    {
        if (!File.Exists(inputPath))
        {
            throw new CliException($"input file not found: {inputPath}");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory == null || !Directory.Exists(directory))
        {
            throw new CliException($"output directory does not exist: {directory}");
        }

        OutputPathGuard.Check("--output", outputPath, new[] { inputPath });

        string temp = Path.Combine(directory, "." + Path.GetFileName(outputPath) + "." + Environment.ProcessId + ".tmp");
        try
        {
            using (var reader = new StreamReader(inputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                string expected = keyColumn + "," + valueColumn;
                string? header = reader.ReadLine();
                if (header == null || !IsHeader(header, keyColumn, valueColumn))
                {
                    throw new CliException($"{inputPath}: line 1: expected header '{expected}', got '{header ?? "(empty file)"}'");
                }

                writer.WriteLine(outputHeader);
                int lineNumber = 1;
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    lineNumber++;
                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    List<string>? fields = Csv.Split(line);
                    if (fields == null || fields.Count != 2)
                    {
                        throw new CliException($"{inputPath}: line {lineNumber}: expected 2 fields ({expected}), got '{line}'");
                    }

                    if (!FixedText.TryParseMilli(fields[1], out int milli) || Math.Abs((decimal)milli / 1000m) > MaxMagnitude)
                    {
                        throw new CliException($"{inputPath}: line {lineNumber}: {valueColumn} '{fields[1]}' is not a decimal number within ±{MaxMagnitude}");
                    }

                    onRow(fields[0], milli, writer);
                }

                onEnd?.Invoke(writer);
            }

            File.Move(temp, outputPath, overwrite: true);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot read or write: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"permission denied: {ex.Message}");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    // RFC 4180: "t","value" is the same header as t,value; spaces around a name are ignored.
    private static bool IsHeader(string line, string keyColumn, string valueColumn)
    {
        List<string>? names = Csv.Split(line);
        return names != null && names.Count == 2
            && string.Equals(names[0].Trim(), keyColumn, StringComparison.Ordinal)
            && string.Equals(names[1].Trim(), valueColumn, StringComparison.Ordinal);
    }
}
