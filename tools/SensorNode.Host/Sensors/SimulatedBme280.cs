using System;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Sensors;

/// <summary>
/// A BME280 on the simulated air: 0.01 °C, 1 Pa and 0.01 %RH resolution with noise near the datasheet's
/// (0.02 °C, 2 Pa, 0.1 %RH RMS at oversampling ×1), and the faults of <see cref="Faults"/>. Deterministic for a seed.
/// </summary>
public sealed class SimulatedBme280 : IPressureSensor
{
    private readonly SimulatedWeather _weather;
    private readonly SplitMix64 _random;
    private int _goodReads;
    private int _lastTemperature;
    private int _lastPressure;
    private int _lastHumidity;

    /// <summary>Creates the sensor over <paramref name="weather"/> with its own random stream from <paramref name="seed"/>.</summary>
    public SimulatedBme280(SimulatedWeather weather, int seed)
    {
        _weather = weather;
        _random = new SplitMix64(seed, 2);
    }

    /// <summary>Fault knobs.</summary>
    public SensorFaults Faults { get; } = new SensorFaults();

    /// <inheritdoc />
    public ReadingStatus TryRead(out int temperatureCentiCelsius, out int pressurePascal, out int humidityCentiPercent)
    {
        temperatureCentiCelsius = 0;
        pressurePascal = 0;
        humidityCentiPercent = 0;
        if (Faults.Absent)
        {
            return ReadingStatus.NotPresent;
        }

        if (_random.Chance(Faults.DropoutProbability))
        {
            return ReadingStatus.ReadFailed;
        }

        if (Faults.StuckAfterReads >= 0 && _goodReads > Faults.StuckAfterReads)
        {
            temperatureCentiCelsius = _lastTemperature;
            pressurePascal = _lastPressure;
            humidityCentiPercent = _lastHumidity;
            return ReadingStatus.Ok;
        }

        double t = _weather.TemperatureCelsius() + (0.02 * _random.NextGaussian());
        double p = _weather.PressurePascal() + (2.0 * _random.NextGaussian());
        double h = _weather.HumidityPercent() + (0.1 * _random.NextGaussian());
        if (_random.Chance(Faults.SpikeProbability))
        {
            double sign = _random.Chance(0.5) ? 1 : -1;
            t += sign * Faults.SpikeMagnitude;
            p += sign * Faults.SpikeMagnitude * 100;
        }

        temperatureCentiCelsius = (int)Math.Round(t * 100, MidpointRounding.AwayFromZero);
        pressurePascal = (int)Math.Round(p, MidpointRounding.AwayFromZero);
        humidityCentiPercent = (int)Math.Round(Math.Clamp(h, 0, 100) * 100, MidpointRounding.AwayFromZero);
        _lastTemperature = temperatureCentiCelsius;
        _lastPressure = pressurePascal;
        _lastHumidity = humidityCentiPercent;
        _goodReads++;
        return ReadingStatus.Ok;
    }
}
