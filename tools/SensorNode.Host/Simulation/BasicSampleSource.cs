using System;
using SensorNode.Core.Config;
using SensorNode.Core.Dsp;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Simulation;

/// <summary>
/// A small, deterministic stand-in for the simulated sensors (the sensors issue replaces it with
/// SimulatedNodeSensors): slow daily-ish drifts plus noise per channel, vibration spikes in the
/// "anomaly" scenario, read failures in the "faults" scenario, and the core's z-score detector on
/// temperature and vibration RMS for the anomaly flags. Same seed, same readings.
/// </summary>
public sealed class BasicSampleSource : ISampleSource
{
    /// <summary>Scenarios this source knows.</summary>
    public static readonly string[] Scenarios = { "normal", "anomaly", "faults" };

    private readonly Random _random;
    private readonly string _scenario;
    private readonly ZScoreDetector _temperatureZ;
    private readonly ZScoreDetector _vibrationZ;
    private long _n;

    /// <summary>Creates the source; <paramref name="scenario"/> must be one of <see cref="Scenarios"/>.</summary>
    public BasicSampleSource(NodeConfig config, string scenario, int seed)
    {
        if (Array.IndexOf(Scenarios, scenario) < 0)
        {
            throw new ArgumentException($"unknown scenario '{scenario}' (known: {string.Join(", ", Scenarios)})", nameof(scenario));
        }

        _scenario = scenario;
        _random = new Random(seed);
        _temperatureZ = new ZScoreDetector(config.ZWindow, config.ZThresholdMilli);
        _vibrationZ = new ZScoreDetector(config.ZWindow, config.ZThresholdMilli);
    }

    /// <inheritdoc />
    public void Sample(SampleRecord record)
    {
        _n++;
        double phase = _n / 60.0;
        int temperature = (int)(2150 + (300 * Math.Sin(phase)) + Noise(8));
        int humidity = Math.Clamp((int)(4800 - (600 * Math.Sin(phase)) + Noise(30)), 0, 10000);
        int pressure = (int)(101325 + (150 * Math.Cos(phase / 3)) + Noise(5));
        int rms = Math.Max(0, (int)(40 + Noise(3)));
        int crest = Math.Max(1000, (int)(1414 + Noise(20)));
        if (_scenario == "anomaly" && _n % 25 == 0)
        {
            rms *= 20;
            crest *= 4;
        }

        record.Set(Channel.Temperature, temperature, ReadingStatus.Ok);
        record.Set(Channel.Humidity, humidity, ReadingStatus.Ok);
        record.Set(Channel.Pressure, pressure, ReadingStatus.Ok);
        record.Set(Channel.VibrationRms, rms, ReadingStatus.Ok);
        record.Set(Channel.CrestFactor, crest, ReadingStatus.Ok);
        if (_scenario == "faults" && _random.Next(5) == 0)
        {
            record.Set(Channel.Humidity, 0, ReadingStatus.ChecksumError);
        }

        int mask = 0;
        mask |= _temperatureZ.Update(temperature) ? 1 << (int)Channel.Temperature : 0;
        mask |= _vibrationZ.Update(rms) ? 1 << (int)Channel.VibrationRms : 0;
        record.AnomalyMask = mask;
    }

    private double Noise(double amplitude) => ((_random.NextDouble() * 2) - 1) * amplitude;
}
