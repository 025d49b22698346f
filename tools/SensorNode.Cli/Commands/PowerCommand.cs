using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Views;
using SensorNode.Host.Duty;
using Spectre.Console;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode power`: average current, battery life, radio wakes and flash wear of a deep-sleeping node
/// (PowerModel; assumptions and sources in docs/power.md), next to the same node publishing on every wake.
/// </summary>
internal static class PowerCommand
{
    public static Command Create()
    {
        var command = new Command("power", "battery life, radio wakes and flash wear of a deep-sleeping node; model, assumptions and sources: docs/power.md")
        {
            Opt.Value("--config", "node.json", "take interval, batching and board from a node configuration"),
            Opt.Value("--interval", "S", "sample interval in seconds, 1..86400"),
            Opt.Value("--publish-every", "N", "publish a batch every N wakes, 1..65535"),
            Opt.Value("--max-latency", "S", "publish at the latest after S seconds"),
            Opt.Value("--command-window", "S", "seconds between radio sessions that listen for commands"),
            Opt.Value("--board-profile", "FILE|DIR|NAME", "board current and timing figures: a board.profile, a hardware/boards folder or a built-in board"),
            Opt.Value("--sleep-ua", "X", "deep-sleep current in microamps"),
            Opt.Value("--active-ma", "X", "awake CPU current in milliamps"),
            Opt.Value("--tx-ma", "X", "radio current in milliamps"),
            Opt.Value("--boot-ms", "X", "boot time in milliseconds"),
            Opt.Value("--wifi-ms", "X", "Wi-Fi connect time in milliseconds"),
            Opt.Value("--tls-ms", "X", "TLS handshake time in milliseconds"),
            Opt.Value("--sample-ms", "X", "sampling time per wake in milliseconds"),
            Opt.Value("--mqtt-ms", "X", "MQTT connect and publish time in milliseconds"),
            Opt.Value("--listen-ms", "X", "command listening time per radio session in milliseconds"),
            Opt.Value("--battery-mah", "X", "battery capacity in mAh"),
            Opt.Value("--usable-fraction", "F", "usable fraction of the capacity, 0..1"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(ParsedOptions a, TextWriter stdout, TextWriter stderr)
    {
        string? boardName = null;
        PowerInputs p = a.Optional("--config") is string config ? FromNodeJson(config, out boardName) : new PowerInputs();
        BoardProfile board = p.Board;
        string boardLabel = "default figures";
        if ((a.Optional("--board-profile") ?? boardName) is string profile)
        {
            board = ResolveBoard(profile, a.Has("--board-profile") ? "--board-profile" : "node.json boardProfile");
            boardLabel = profile;
        }

        board = board with
        {
            SleepCurrentMicroamps = Number(a, "--sleep-ua", board.SleepCurrentMicroamps),
            ActiveCurrentMilliamps = Number(a, "--active-ma", board.ActiveCurrentMilliamps),
            TxCurrentMilliamps = Number(a, "--tx-ma", board.TxCurrentMilliamps),
            BootMilliseconds = Number(a, "--boot-ms", board.BootMilliseconds),
            WifiConnectMilliseconds = Number(a, "--wifi-ms", board.WifiConnectMilliseconds),
            TlsHandshakeMilliseconds = Number(a, "--tls-ms", board.TlsHandshakeMilliseconds),
        };
        p = p with
        {
            Board = board,
            IntervalSeconds = a.Int("--interval", 1, 86400, p.IntervalSeconds),
            PublishEvery = a.Int("--publish-every", 1, 65535, p.PublishEvery),
            MaxLatencySeconds = a.Int("--max-latency", 1, 30 * 86400, p.MaxLatencySeconds),
            CommandWindowSeconds = a.Int("--command-window", 0, 30 * 86400, p.CommandWindowSeconds),
            SampleMilliseconds = Number(a, "--sample-ms", p.SampleMilliseconds),
            MqttMilliseconds = Number(a, "--mqtt-ms", p.MqttMilliseconds),
            CommandListenMilliseconds = Number(a, "--listen-ms", p.CommandListenMilliseconds),
            BatteryMilliampHours = (double)a.Decimal("--battery-mah", 0m, 1_000_000m, (decimal)p.BatteryMilliampHours),
            UsableFraction = (double)a.Decimal("--usable-fraction", 0m, 1m, (decimal)p.UsableFraction),
        };

        Print(stdout, p, boardLabel, PowerModel.Estimate(p), PowerModel.EstimateEveryWake(p));
        return ExitCodes.Ok;
    }

    // A profile file, a board folder (hardware/boards/NAME/ holding board.profile), or a built-in board name.
    private static BoardProfile ResolveBoard(string value, string origin)
    {
        try
        {
            if (File.Exists(value))
            {
                return BoardProfile.Load(value);
            }

            if (Directory.Exists(value))
            {
                string inFolder = Path.Combine(value, "board.profile");
                return File.Exists(inFolder)
                    ? BoardProfile.Load(inFolder)
                    : throw new CliException($"{origin}: folder {value} holds no board.profile (see hardware/boards/*/board.profile)");
            }

            if (SensorNode.Core.Board.BuiltInProfiles.Find(value) is string builtIn)
            {
                return BoardProfile.Parse(builtIn, "built-in board " + value);
            }
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message);
        }

        throw new CliException($"{origin}: '{value}' is not a profile file, a board folder or a built-in board (esp32-devkitc, wroom32-lowpower)");
    }

    private static double Number(ParsedOptions a, string name, double fallback)
    {
        string? text = a.Optional(name);
        if (text == null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || double.IsInfinity(value))
        {
            throw new CliException($"{name} must be a non-negative number, got '{text}'");
        }

        return value;
    }

    // node.json: NodeConfig field names, any case, '_' or '-' ignored (SampleIntervalSeconds = sample_interval_seconds).
    private static PowerInputs FromNodeJson(string path, out string? boardName)
    {
        boardName = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException($"cannot read node config {path}: {ex.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"node config {path} must be a JSON object");
            }

            if (JsonDuplicateKeys.First(doc.RootElement, NormalizedKey) is { } twice)
            {
                throw new CliException($"node config {path}: field '{twice}' appears more than once (names compare ignoring case, '_' and '-'); keep one");
            }

            var p = new PowerInputs();
            foreach (JsonProperty prop in doc.RootElement.EnumerateObject())
            {
                string key = NormalizedKey(prop.Name);
                if (key == "boardprofile")
                {
                    boardName = prop.Value.ValueKind == JsonValueKind.String && prop.Value.GetString() is { Length: > 0 } name
                        ? name
                        : throw new CliException($"node config {path}: {prop.Name} must be a board name such as \"esp32-devkitc\", got {prop.Value.GetRawText()}");
                    continue;
                }

                p = key switch
                {
                    "sampleintervalseconds" => p with { IntervalSeconds = Int(path, prop, 1, 86400) },
                    "publishevery" => p with { PublishEvery = Int(path, prop, 1, 65535) },
                    "maxlatencyseconds" => p with { MaxLatencySeconds = Int(path, prop, 1, 30 * 86400) },
                    "commandwindowseconds" => p with { CommandWindowSeconds = Int(path, prop, 0, 30 * 86400) },
                    "commandlistenmilliseconds" => p with { CommandListenMilliseconds = Int(path, prop, 0, 600000) },
                    "averagewindow" => p with { AverageWindow = Int(path, prop, 1, 4096) },
                    "zwindow" => p with { ZWindow = Int(path, prop, 1, 4096) },
                    _ => p,
                };
            }

            return p;
        }
    }

    private static string NormalizedKey(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static int Int(string path, JsonProperty prop, int min, int max)
    {
        if (prop.Value.ValueKind != JsonValueKind.Number || !prop.Value.TryGetInt32(out int v) || v < min || v > max)
        {
            throw new CliException($"node config {path}: {prop.Name} must be a whole number from {min} to {max}, got {prop.Value.GetRawText()}");
        }

        return v;
    }

    private static void Print(TextWriter w, PowerInputs p, string boardLabel, PowerEstimate batched, PowerEstimate every)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        BoardProfile b = p.Board;
        w.WriteLine($"power model (assumptions and sources: docs/power.md)");
        w.WriteLine($"  node:   interval {p.IntervalSeconds} s, publish every {p.PublishEvery}, max latency {p.MaxLatencySeconds} s, command window {p.CommandWindowSeconds} s");
        w.WriteLine(string.Create(c, $"  board:  {boardLabel}: sleep {b.SleepCurrentMicroamps} uA, active {b.ActiveCurrentMilliamps} mA, radio {b.TxCurrentMilliamps} mA"));
        w.WriteLine(string.Create(c, $"  wake:   boot {b.BootMilliseconds} + sample {p.SampleMilliseconds} ms; radio session: Wi-Fi {b.WifiConnectMilliseconds} + TLS {b.TlsHandshakeMilliseconds} + MQTT {p.MqttMilliseconds} + commands {p.CommandListenMilliseconds} ms"));
        w.WriteLine(string.Create(c, $"  flash:  {p.FlashPartitionKilobytes} KB LittleFS, {p.FlashEraseCycles} erase cycles, {p.FlashBlockBytes} B blocks, half a block copied per append and a whole block per filter-state replace (worst case)"));
        string life = string.Create(c, $"battery life ({p.BatteryMilliampHours} mAh x {p.UsableFraction})");
        (string Name, string Left, string Right)[] rows =
        {
            ("radio session every", $"{batched.RadioEveryWakes} wakes", $"{every.RadioEveryWakes} wake"),
            ("radio wakes / day", batched.RadioWakesPerDay.ToString("0.#", c), every.RadioWakesPerDay.ToString("0.#", c)),
            ("average current", batched.AverageCurrentMilliamps.ToString("0.000", c) + " mA", every.AverageCurrentMilliamps.ToString("0.000", c) + " mA"),
            (life, batched.BatteryLifeDays.ToString("0", c) + " days", every.BatteryLifeDays.ToString("0", c) + " days"),
            ("flash writes / day", batched.FlashWritesPerDay.ToString("0", c), every.FlashWritesPerDay.ToString("0", c)),
            ("flash data / day", (batched.FlashDataBytesPerDay / 1024).ToString("0.0", c) + " KB", (every.FlashDataBytesPerDay / 1024).ToString("0.0", c) + " KB"),
            ("years to flash wear-out", batched.YearsToWearOut.ToString("0", c), every.YearsToWearOut.ToString("0", c)),
        };
        w.WriteLine();
        if (Terminal.IsRich(w))
        {
            var table = new Table().RoundedBorder().AddColumn(string.Empty).AddColumn(new TableColumn("[bold]this config[/]").RightAligned()).AddColumn(new TableColumn("publish every wake").RightAligned());
            foreach ((string name, string left, string right) in rows)
            {
                table.AddRow(Markup.Escape(name), "[bold]" + Markup.Escape(left) + "[/]", Markup.Escape(right));
            }

            Terminal.For(w).Write(table);
            return;
        }

        w.WriteLine($"  {"",-28} {"this config",16} {"publish every wake",20}");
        foreach ((string name, string left, string right) in rows)
        {
            Row(w, name, left, right);
        }
    }

    private static void Row(TextWriter w, string name, string left, string right) => w.WriteLine($"  {name,-28} {left,16} {right,20}");
}
