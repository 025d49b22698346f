using System;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Sensors;

/// <summary>
/// The host's <see cref="ISampleSource"/>: simulated DHT22, BME280 and accelerometer behind the core's own
/// <see cref="SensorSampler"/>, so the host runs the device's sensor logic end to end. Named scenarios
/// (docs/simulated-sensors.md) set the fault knobs; the knobs stay reachable to change mid-run.
/// </summary>
public sealed class SimulatedNodeSensors : ISampleSource, IRebootingSource
{
    /// <summary>Scenario names accepted by <see cref="Create"/>.</summary>
    public static readonly string[] Scenarios =
    {
        "normal", "bearing-fault", "dropouts", "stuck", "spikes", "no-bme280", "no-dht22", "no-accel",
    };

    private SimulatedNodeSensors(NodeConfig config, string scenario, int seed, IClock clock)
    {
        Scenario = scenario;
        Weather = new SimulatedWeather(clock);
        Dht22 = new SimulatedDht22(Weather, seed);
        Bme280 = new SimulatedBme280(Weather, seed);
        Accelerometer = new SimulatedAccelerometer(config.AccelRateHertz, config.AccelRangeG, seed);
        _clock = clock;
        _delay = clock as IDelay ?? new SleepDelay();
        _config = config;
        Sampler = new SensorSampler(config, clock, _delay, Dht22, Bme280, Accelerometer);
    }

    private readonly IClock _clock;
    private readonly IDelay _delay;
    private NodeConfig _config;

    /// <summary>The scenario this instance was created with.</summary>
    public string Scenario { get; }

    /// <summary>The simulated air (means, amplitudes, drift).</summary>
    public SimulatedWeather Weather { get; }

    /// <summary>The simulated DHT22 and its fault knobs.</summary>
    public SimulatedDht22 Dht22 { get; }

    /// <summary>The simulated BME280 and its fault knobs.</summary>
    public SimulatedBme280 Bme280 { get; }

    /// <summary>The simulated accelerometer, its machine model and fault knobs.</summary>
    public SimulatedAccelerometer Accelerometer { get; }

    /// <summary>The core sampler (health counters per sensor, z-scores).</summary>
    public SensorSampler Sampler { get; private set; }

    /// <summary>
    /// Creates the simulated sensors of one node for <paramref name="scenario"/>; deterministic for a seed and a
    /// clock that advances the same way. When <paramref name="clock"/> also implements <see cref="IDelay"/>
    /// (e.g. SimulatedClock) sensor waits advance it; otherwise they sleep for real.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario is not one of <see cref="Scenarios"/>.</exception>
    public static SimulatedNodeSensors Create(NodeConfig config, string scenario, int seed, IClock clock)
    {
        if (Array.IndexOf(Scenarios, scenario) < 0)
        {
            throw new ArgumentException($"unknown scenario '{scenario}'; expected one of: {string.Join(", ", Scenarios)}", nameof(scenario));
        }

        var sensors = new SimulatedNodeSensors(config, scenario, seed, clock);
        sensors.Apply(scenario);
        return sensors;
    }

    /// <inheritdoc />
    public void Sample(SampleRecord record) => Sampler.Sample(record);

    /// <summary>
    /// Takes new windows and z threshold (after a config command): the core sampler is rebuilt over the same
    /// simulated sensors, as the device rebuilds its filters; filter history and sensor health restart.
    /// </summary>
    public void Reconfigure(NodeConfig config)
    {
        _config = config;
        Sampler = new SensorSampler(config, _clock, _delay, Dht22, Bme280, Accelerometer);
    }

    /// <summary>
    /// A deep-sleep boot, as on the device (DeepSleepNode): a new core sampler over the same simulated world,
    /// whose filters come back from <paramref name="flash"/> (signal-chain.md §8); health counters restart.
    /// </summary>
    public void Reboot(IFileStore flash)
    {
        Sampler = new SensorSampler(_config, _clock, _delay, Dht22, Bme280, Accelerometer);
        Sampler.RetainFiltersIn(flash);
    }

    private void Apply(string scenario)
    {
        switch (scenario)
        {
            case "bearing-fault":
                Accelerometer.FaultSeverity = 0.8;
                break;
            case "dropouts":
                Dht22.Faults.DropoutProbability = 0.5;
                Bme280.Faults.DropoutProbability = 0.3;
                Accelerometer.Faults.DropoutProbability = 0.02;
                break;
            case "stuck":
                Bme280.Faults.StuckAfterReads = 5;
                break;
            case "spikes":
                Bme280.Faults.SpikeProbability = 0.05;
                Dht22.Faults.SpikeProbability = 0.05;
                break;
            case "no-bme280":
                Bme280.Faults.Absent = true;
                break;
            case "no-dht22":
                Dht22.Faults.Absent = true;
                break;
            case "no-accel":
                Accelerometer.Faults.Absent = true;
                break;
        }
    }
}
