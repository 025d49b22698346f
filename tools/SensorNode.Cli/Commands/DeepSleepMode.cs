using System;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Host.Duty;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode simulate --mode deep-sleep` options and run, for the simulate verb to call: every wake is a
/// fresh boot of the core from --state. Without an uplink factory the network is simulated
/// (--broker-down K: the first K connection attempts fail) on all-simulated time; with one (the MQTT
/// uplink), awake time is real and only sleeps are accelerated by --speed.
/// </summary>
internal static class DeepSleepMode
{
    /// <summary>Options that take a value, to merge into the simulate verb's list.</summary>
    public static readonly string[] ValuedOptions =
    {
        "--state", "--speed", "--wakes", "--interval", "--publish-every", "--max-latency", "--capacity", "--awake-budget-ms", "--broker-down",
    };

    /// <summary>Flags, to merge into the simulate verb's list.</summary>
    public static readonly string[] Flags = { "--verbose" };

    /// <summary>Runs the simulation and prints the per-run figures.</summary>
    public static int Run(CliArgs a, TextWriter stdout, ISampleSource source, Func<IDeepSleepClock, IUplink>? uplinkFactory)
    {
        string state = a.Required("--state");
        if (File.Exists(state))
        {
            throw new CliException($"--state must be a directory (the node's flash), but {state} is a file");
        }

        double speed = Speed(a.Optional("--speed"));
        var config = new NodeConfig
        {
            Mode = NodeMode.DeepSleep,
            SampleIntervalSeconds = a.Int("--interval", 1, 86400, 300),
            PublishEvery = a.Int("--publish-every", 1, 65535, 12),
            MaxLatencySeconds = a.Int("--max-latency", 1, 30 * 86400, 3600),
            RetainedCapacityReadings = a.Int("--capacity", 1, 65535, 256),
            AwakeBudgetMilliseconds = a.Int("--awake-budget-ms", 2000, 600000, 20000),
        };
        var options = new DeepSleepOptions
        {
            StateDirectory = state,
            Config = config,
            Wakes = a.Int("--wakes", 1, 10_000_000, 288),
            WakeLog = a.Has("--verbose") ? stdout : null,
        };

        DeepSleepSummary summary;
        if (uplinkFactory == null)
        {
            int brokerDown = a.Int("--broker-down", 0, int.MaxValue, 0);
            summary = DeepSleepSimulator.RunSimulated(options, source, speed, null, u => u.FailConnects = brokerDown, out _);
        }
        else
        {
            if (a.Has("--broker-down"))
            {
                throw new CliException("--broker-down applies to the simulated network; with a real broker, stop it or point the node at a closed port");
            }

            var clock = new AcceleratedDeepSleepClock(speed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            summary = DeepSleepSimulator.Run(options, clock, source, uplinkFactory);
        }

        stdout.WriteLine($"simulate deep-sleep: {options.Wakes} wakes, interval {config.SampleIntervalSeconds} s, publish every {config.PublishEvery}, max latency {config.MaxLatencySeconds} s, state {Path.GetFullPath(state)}");
        summary.WriteTable(stdout);
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
