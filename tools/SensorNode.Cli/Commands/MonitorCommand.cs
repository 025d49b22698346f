using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Monitor;
using SensorNode.Cli.Views;
using Spectre.Console;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode monitor --broker URL`: a live view of every node under the prefix (status, latest values,
/// sparklines, anomalies, health warnings); `--once` prints one view after --wait, `--once --json` a
/// snapshot for scripts. Topics and keys: Monitor/MqttContract.cs.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var command = new Command("monitor", "live view of every node under a topic prefix (--once --json for scripts); topics and payloads: docs/spec/mqtt.md")
        {
            Opt.Value("--broker", "mqtt[s]://host[:port]", "the broker to watch", required: true),
            Opt.Value("--prefix", "P", "topic prefix [default: " + MqttContract.DefaultPrefix + "]"),
            Opt.Value("--ca", "ca.pem", "CA that signed the broker's certificate (mqtts://)"),
            Opt.Value("--cert", "node.pem", "client certificate (with --key)"),
            Opt.Value("--key", "node.key", "client certificate's private key (with --cert)"),
            Opt.Value("--username", "U", "MQTT user name"),
            Opt.Value("--password", "P", "MQTT password (needs --username)"),
            Opt.Flag("--once", "print one view after --wait and exit"),
            Opt.Flag("--json", "with --once: a JSON snapshot for scripts"),
            Opt.Value("--wait", "2s", "with --once: how long to collect retained messages [default: 2s]"),
            Opt.Value("--refresh", "1s", "live view refresh period [default: 1s]"),
            Opt.Value("--history", "N", "readings kept per channel for sparklines, 2..500 [default: 40]"),
            Opt.Value("--timeout", "10s", "connect timeout [default: 10s]"),
            Opt.Flag("--no-color", "plain text even on a terminal (so does NO_COLOR)"),
            Opt.Value("--db", "readings.db|postgres://...", "also show the seq gaps 'sensornode collect' recorded in this database"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(ParsedOptions a, TextWriter stdout, TextWriter stderr)
    {
        BrokerEndpoint broker = BrokerEndpoint.Parse(a.Required("--broker"));
        string prefix = a.Optional("--prefix") ?? MqttContract.DefaultPrefix;
        if (prefix.Length == 0 || prefix.Contains('+') || prefix.Contains('#'))
        {
            throw new CliException($"--prefix must be a topic prefix without wildcards, got '{prefix}'");
        }

        var credentials = new MonitorConnection.Credentials(a.Optional("--username"), a.Optional("--password"), a.Optional("--ca"), a.Optional("--cert"), a.Optional("--key"));
        BrokerLoginCheck.Check(broker.Tls, credentials.CaPath, credentials.CertPath, credentials.KeyPath, credentials.Username, credentials.Password);
        bool once = a.Has("--once");
        bool json = a.Has("--json");
        if (json && !once)
        {
            throw new CliException("--json needs --once (the live view is for a terminal)");
        }

        TimeSpan wait = Duration(a, "--wait", TimeSpan.FromSeconds(2));
        TimeSpan refresh = Duration(a, "--refresh", TimeSpan.FromSeconds(1));
        TimeSpan timeout = Duration(a, "--timeout", TimeSpan.FromSeconds(10));
        int history = a.Int("--history", 2, 500, 40);
        bool rich = !a.Has("--no-color") && !json && Terminal.IsRich(stdout);

        RecordedGaps? gaps = a.Optional("--db") is string db ? new RecordedGaps(db) : null;
        var fleet = new Fleet(prefix, history);
        MonitorConnection connection = MonitorConnection.OpenAsync(broker, credentials, fleet, timeout).GetAwaiter().GetResult();
        try
        {
            if (once)
            {
                // Retained status/state/health arrive right after SUBSCRIBE; --wait bounds how long to collect.
                Thread.Sleep(wait);
                DateTimeOffset now = DateTimeOffset.UtcNow;
                if (rich)
                {
                    Terminal.For(stdout).Write(FleetTable.Build(fleet, now));
                    stdout.Write(gaps == null ? string.Empty : gaps.AppendTo(string.Empty));
                }
                else
                {
                    string snapshot = json ? FleetJson.Write(fleet, now) : FleetView.Render(fleet, now);
                    stdout.Write(gaps == null ? snapshot : json ? gaps.AddTo(snapshot) : gaps.AppendTo(snapshot));
                    stdout.Write(json ? "\n" : string.Empty);
                }

                return ExitCodes.Ok;
            }

            using var stop = new ManualResetEventSlim(false);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Set();
            };
            Console.CancelKeyPress += onCancel;
            using CancellationTokenRegistration stopped = CliStop.Token.Register(stop.Set);
            try
            {
                if (rich)
                {
                    Terminal.For(stdout).Live(FleetTable.Build(fleet, DateTimeOffset.UtcNow)).Start(live =>
                    {
                        while (!stop.Wait(refresh))
                        {
                            live.UpdateTarget(FleetTable.Build(fleet, DateTimeOffset.UtcNow));
                        }
                    });
                    return ExitCodes.Ok;
                }

                // Not a terminal (or NO_COLOR / --no-color): a plain view per refresh, separated by a blank line.
                do
                {
                    string view = FleetView.Render(fleet, DateTimeOffset.UtcNow);
                    stdout.Write("\n" + (gaps == null ? view : gaps.AppendTo(view)));
                    stdout.Flush();
                }
                while (!stop.Wait(refresh));
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return ExitCodes.Ok;
        }
        finally
        {
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Reads "2s", "500ms", "1m" or a plain number of seconds; 0 to 10 minutes.</summary>
    private static TimeSpan Duration(ParsedOptions a, string name, TimeSpan fallback)
    {
        string? text = a.Optional(name);
        if (text == null)
        {
            return fallback;
        }

        (string number, double scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || value * scale > 600)
        {
            throw new CliException($"{name} must be a duration like 2s, 500ms or 1m (at most 10 minutes), got '{text}'");
        }

        return TimeSpan.FromSeconds(value * scale);
    }
}
