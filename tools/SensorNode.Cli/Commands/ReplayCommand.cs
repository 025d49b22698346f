using System.CommandLine;
using System.IO;
using SensorNode.Cli.CommandLine;
using SensorNode.Core.Dsp;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode replay stats|crest`: recorded data through the exact filters the device runs
/// (docs/spec/signal-chain.md). Values are read as decimals and scaled to thousandths, as the device
/// scales its channels.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var stats = new Command("stats", "moving average and rolling z-score anomalies of t,value rows")
        {
            Opt.Value("--window", "N", "samples in the moving window (1..4096)", required: true),
            Opt.Value("--z-threshold", "T", "anomaly when |z| > T (0.001..1000000, resolution 0.001)", required: true),
            Opt.Value("--input", "in.csv", "CSV with header t,value", required: true),
            Opt.Value("--output", "out.csv", "CSV written: t,value,mean,z,anomaly", required: true),
        };
        stats.SetAction(r => Stats(new ParsedOptions(r), r.InvocationConfiguration.Output));
        var crest = new Command("crest", "vibration crest factor per full window of t,accel rows")
        {
            Opt.Value("--window", "N", "samples per window (1..4096)", required: true),
            Opt.Value("--input", "vib.csv", "CSV with header t,accel", required: true),
            Opt.Value("--output", "out.csv", "CSV written: window,start_t,rms,peak,crest", required: true),
        };
        crest.SetAction(r => Crest(new ParsedOptions(r), r.InvocationConfiguration.Output));
        var replay = new Command("replay", "run recorded data through the on-device filters (stats, crest); formats and arithmetic: docs/spec/signal-chain.md")
        {
            stats,
            crest,
        };
        System.Func<ParseResult, int> usage = _ => throw new CliException("expected 'stats' or 'crest': replay stats --window N --z-threshold T --input in.csv --output out.csv | replay crest --window N --input vib.csv --output out.csv");
        replay.SetAction(usage);
        return replay;
    }

    private static int Stats(ParsedOptions a, TextWriter stdout)
    {
        int window = a.Int("--window", 1, MovingAverage.MaxWindow);
        // Thousandths, as the device's ZScoreDetector takes them: a finer value is refused, not rounded.
        int thresholdMilli = a.Milli("--z-threshold", 1, FixedRatio.SaturatedMilli);
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
        stdout.WriteLine($"replay stats: {rows} rows, window {window}, |z| > {FixedText.Format(thresholdMilli, 3).TrimEnd('0').TrimEnd('.')}: {anomalies} anomalies -> {output}");
        return ExitCodes.Ok;
    }

    private static int Crest(ParsedOptions a, TextWriter stdout)
    {
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
}
