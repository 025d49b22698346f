using System;
using System.IO;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Views;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Host.Duty;
using Spectre.Console;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode simulate --mode deep-sleep` options and run, for the simulate verb to call: every wake is a
/// fresh boot of the core from --state. Without an uplink factory the network is simulated
/// (--broker-down K: the first K connection attempts fail) on all-simulated time; with one (the MQTT
/// uplink), awake time is real and only sleeps are accelerated by --speed.
/// </summary>
internal static class DeepSleepMode
{
    /// <summary>Options that only make sense in deep-sleep mode (refused in always-on mode).</summary>
    public static readonly string[] OnlyHere =
    {
        "--speed", "--wakes", "--publish-every", "--max-latency", "--capacity", "--awake-budget-ms", "--broker-down", "--verbose",
    };

    /// <summary>Runs with a fixed sample source and the node config built from the options alone.</summary>
    public static int Run(ParsedOptions a, TextWriter stdout, ISampleSource source, Func<IDeepSleepClock, IUplink>? uplinkFactory) =>
        Run(a, stdout, Configure(a, new NodeConfig { SampleIntervalSeconds = 300 }), _ => source, uplinkFactory);

    /// <summary>
    /// Applies the deep-sleep options to <paramref name="config"/> (mode, interval, batch size, latency,
    /// capacity, budget); options not given keep the config's values unless it still has the always-on defaults.
    /// </summary>
    public static NodeConfig Configure(ParsedOptions a, NodeConfig config)
    {
        config.Mode = NodeMode.DeepSleep;
        string? interval = a.Optional("--interval");
        if (interval != null)
        {
            config.SampleIntervalSeconds = SimulateOptions.Interval(interval);
        }

        config.PublishEvery = a.Int("--publish-every", 1, 65535, config.PublishEvery > 1 ? config.PublishEvery : 12);
        config.MaxLatencySeconds = a.Int("--max-latency", 1, 30 * 86400, config.MaxLatencySeconds);
        config.RetainedCapacityReadings = a.Int("--capacity", 1, 65535, config.RetainedCapacityReadings);
        config.AwakeBudgetMilliseconds = a.Int("--awake-budget-ms", 2000, 600000, config.AwakeBudgetMilliseconds);
        return config;
    }

    /// <summary>
    /// Runs the simulation and prints the per-run figures. <paramref name="sources"/> makes the sensors once,
    /// on the run's world clock (continuous across boots; its waits advance simulated time when the run is
    /// all-simulated). Wakes come from --wakes, or --cycles when the simulate verb passes it.
    /// </summary>
    public static int Run(ParsedOptions a, TextWriter stdout, NodeConfig config, Func<IClock, ISampleSource> sources, Func<IDeepSleepClock, IUplink>? uplinkFactory)
    {
        string state = a.Required("--state");
        if (File.Exists(state))
        {
            throw new CliException($"--state must be a directory (the node's flash), but {state} is a file");
        }

        double speed = Speed(a.Optional("--speed"));
        int wakes = a.Has("--cycles") ? a.Int("--cycles", 1, 10_000_000) : a.Int("--wakes", 1, 10_000_000, 288);
        TextWriter? wakeLog = a.Has("--verbose") ? stdout : null;
        DeepSleepOptions Options(Action<int, int>? wakeDone) => new()
        {
            StateDirectory = state,
            Config = config,
            Wakes = wakes,
            WakeLog = wakeLog,
            WakeDone = wakeDone,
        };

        DeepSleepSummary summary;
        if (uplinkFactory == null)
        {
            int brokerDown = a.Int("--broker-down", 0, int.MaxValue, 0);
            var clock = new FakeDeepSleepClock(speed, null);
            var network = new Core.Simulation.SimulatedUplink(clock.Clock) { FailConnects = brokerDown };
            ISampleSource source = sources(new WorldClock(clock));
            // A bar over wakes once the run takes more than 2 s on a terminal; not with --verbose's line per wake.
            summary = wakeLog == null
                ? WorkProgress.Run(stdout, $"{wakes} wakes", TimeSpan.FromSeconds(2), report => DeepSleepSimulator.Run(Options((done, total) => report(done, total)), clock, source, _ => network))
                : DeepSleepSimulator.Run(Options(null), clock, source, _ => network);
        }
        else
        {
            if (a.Has("--broker-down"))
            {
                throw new CliException("--broker-down applies to the simulated network; with a real broker, stop it or point the node at a closed port");
            }

            var clock = new AcceleratedDeepSleepClock(speed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            ISampleSource source = sources(new WorldClock(clock));
            // Update and command events still print their (rare) lines above the bar.
            summary = wakeLog == null
                ? WorkProgress.Run(stdout, $"{wakes} wakes", TimeSpan.FromSeconds(2), report => DeepSleepSimulator.Run(Options((done, total) => report(done, total)), clock, source, uplinkFactory))
                : DeepSleepSimulator.Run(Options(null), clock, source, uplinkFactory);
        }

        stdout.WriteLine($"simulate deep-sleep: {wakes} wakes, interval {config.SampleIntervalSeconds} s, publish every {config.PublishEvery}, max latency {config.MaxLatencySeconds} s, state {Path.GetFullPath(state)}");
        if (Terminal.IsRich(stdout))
        {
            var table = new Table().RoundedBorder().AddColumn("deep-sleep run").AddColumn(new TableColumn(string.Empty).RightAligned());
            foreach ((string name, string value) in summary.Rows())
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value));
            }

            Terminal.For(stdout).Write(table);
        }
        else
        {
            summary.WriteTable(stdout);
        }

        return ExitCodes.Ok;
    }

    // 0 = as fast as possible; N = N times real time.
    private static double Speed(string? text)
    {
        if (text == null)
        {
            return 0;
        }

        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double speed) || speed < 0 || double.IsInfinity(speed))
        {
            throw new CliException($"--speed must be 0 (as fast as possible) or a positive factor of real time, got '{text}'");
        }

        return speed;
    }
}
