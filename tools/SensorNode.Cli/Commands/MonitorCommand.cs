using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using SensorNode.Cli.Monitor;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode monitor --broker URL`: a live view of every node under the prefix (status, latest values,
/// sparklines, anomalies, health warnings); `--once` prints one view after --wait, `--once --json` a
/// snapshot for scripts. Topics and keys: Monitor/MqttContract.cs.
/// </summary>
internal static class MonitorCommand
{
    private static readonly string[] Valued = { "--broker", "--prefix", "--ca", "--cert", "--key", "--username", "--password", "--wait", "--refresh", "--history", "--timeout", "--db" };
    private static readonly string[] Flags = { "--once", "--json", "--no-color" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        CliArgs a = CliArgs.Parse(args, Valued, Flags);
        if (a.Positionals.Count > 0)
        {
            throw new CliException($"unexpected argument '{a.Positionals[0]}'");
        }

        BrokerEndpoint broker = BrokerEndpoint.Parse(a.Required("--broker"));
        string prefix = a.Optional("--prefix") ?? MqttContract.DefaultPrefix;
        if (prefix.Length == 0 || prefix.Contains('+') || prefix.Contains('#'))
        {
            throw new CliException($"--prefix must be a topic prefix without wildcards, got '{prefix}'");
        }

        var credentials = new MonitorConnection.Credentials(a.Optional("--username"), a.Optional("--password"), a.Optional("--ca"), a.Optional("--cert"), a.Optional("--key"));
        CheckTlsOptions(broker, credentials);
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
        bool color = !a.Has("--no-color") && !json && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;

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
                string snapshot = json ? FleetJson.Write(fleet, now) : FleetView.Render(fleet, now, color);
                stdout.Write(gaps == null ? snapshot : json ? gaps.AddTo(snapshot) : gaps.AppendTo(snapshot));
                stdout.Write(json ? "\n" : string.Empty);
                return ExitCodes.Ok;
            }

            using var stop = new ManualResetEventSlim(false);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Set();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                do
                {
                    string view = FleetView.Render(fleet, DateTimeOffset.UtcNow, color);
                    stdout.Write((color ? "\u001b[H\u001b[2J" : "\n") + (gaps == null ? view : gaps.AppendTo(view)));
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

    private static void CheckTlsOptions(BrokerEndpoint broker, MonitorConnection.Credentials c)
    {
        if (!broker.Tls && (c.CaPath != null || c.CertPath != null || c.KeyPath != null))
        {
            throw new CliException("--ca, --cert and --key need an mqtts:// broker URL");
        }

        if ((c.CertPath == null) != (c.KeyPath == null))
        {
            throw new CliException("--cert and --key go together (client certificate and its private key)");
        }

        if (c.Password != null && c.Username == null)
        {
            throw new CliException("--password needs --username");
        }

        foreach ((string option, string? path) in new[] { ("--ca", c.CaPath), ("--cert", c.CertPath), ("--key", c.KeyPath) })
        {
            if (path != null && !File.Exists(path))
            {
                throw new CliException($"{option} file not found: {path}");
            }
        }
    }

    /// <summary>Reads "2s", "500ms", "1m" or a plain number of seconds; 0 to 10 minutes.</summary>
    private static TimeSpan Duration(CliArgs a, string name, TimeSpan fallback)
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
