using System.Collections.Generic;
using System.IO;
using SensorNode.Core.Dsp;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode replay stats|crest`: recorded data through the exact filters the device runs
/// (docs/spec/signal-chain.md). Values are read as decimals and scaled to thousandths, as the device
/// scales its channels.
/// </summary>
internal static class ReplayCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || (args[0] != "stats" && args[0] != "crest"))
        {
            throw new CliException("expected 'stats' or 'crest': replay stats --window N --z-threshold T --input in.csv --output out.csv | replay crest --window N --input vib.csv --output out.csv");
        }

        var rest = new List<string>(args);
        rest.RemoveAt(0);
        return args[0] == "stats" ? Stats(rest, stdout) : Crest(rest, stdout);
    }

    private static int Stats(IReadOnlyList<string> args, TextWriter stdout)
    {
        CliArgs a = CliArgs.Parse(args, new[] { "--window", "--z-threshold", "--input", "--output" }, new string[0]);
        RejectPositionals(a);
        int window = a.Int("--window", 1, MovingAverage.MaxWindow);
        decimal threshold = a.Decimal("--z-threshold", 0m, FixedRatio.SaturatedMilli / 1000m);
        int thresholdMilli = (int)System.Math.Round(threshold * 1000m, System.MidpointRounding.AwayFromZero);
        if (thresholdMilli < 1)
        {
            throw new CliException($"--z-threshold must be at least 0.001, got {threshold}");
        }

        string input = a.Required("--input");
        string output = a.Required("--output");
        var mean = new MovingAverage(window);
        var z = new ZScoreDetector(window, thresholdMilli);
        int rows = 0;
        int anomalies = 0;
        CsvReplay.Run(input, output, "t", "value", "t,value,mean,z,anomaly", (key, milli, w) =>
        {
            mean.Update(milli);
            bool anomaly = z.Update(milli);
            rows++;
            anomalies += anomaly ? 1 : 0;
            w.WriteLine($"{Csv.Escape(key)},{FixedText.Format(milli, 3)},{FixedText.Format(mean.Mean, 3)},{FixedText.Format(z.ZMilli, 3)},{(anomaly ? 1 : 0)}");
        });
        stdout.WriteLine($"replay stats: {rows} rows, window {window}, |z| > {threshold}: {anomalies} anomalies -> {output}");
        return ExitCodes.Ok;
    }

    private static int Crest(IReadOnlyList<string> args, TextWriter stdout)
    {
        CliArgs a = CliArgs.Parse(args, new[] { "--window", "--input", "--output" }, new string[0]);
        RejectPositionals(a);
        int window = a.Int("--window", 1, CrestFactor.MaxWindow);
        string input = a.Required("--input");
        string output = a.Required("--output");
        var crest = new CrestFactor(window);
        string startKey = string.Empty;
        int rows = 0;
        CsvReplay.Run(input, output, "t", "accel", "window,start_t,rms,peak,crest", (key, milli, w) =>
        {
            if (crest.Pending == 0)
            {
                startKey = key;
            }

            rows++;
            if (crest.Add(milli))
            {
                // RMS and peak are in millionths of a raw unit (raw = thousandths of the input unit).
                w.WriteLine($"{crest.WindowsCompleted - 1},{Csv.Escape(startKey)},{FixedText.Format(crest.RmsMicro, 9)},{FixedText.Format(crest.PeakMicro, 9)},{FixedText.Format(crest.CrestMilli, 3)}");
            }
        });
        stdout.WriteLine($"replay crest: {rows} samples, window {window}: {crest.WindowsCompleted} full windows, {crest.Pending} samples left over -> {output}");
        return ExitCodes.Ok;
    }

    private static void RejectPositionals(CliArgs a)
    {
        if (a.Positionals.Count > 0)
        {
            throw new CliException($"unexpected argument '{a.Positionals[0]}'");
        }
    }
}
