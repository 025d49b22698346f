using System;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Sensors;

/// <summary>
/// A DHT22 on the simulated air: 0.1-unit resolution (AM2302 datasheet), ±0.2 °C / ±1 %RH noise, its own
/// small calibration offset, and the faults of <see cref="Faults"/>. Deterministic for a seed.
/// </summary>
public sealed class SimulatedDht22 : IHumidityTemperatureSensor
{
    private readonly SimulatedWeather _weather;
    private readonly SplitMix64 _random;
    private int _goodReads;
    private int _lastTemperature;
    private int _lastHumidity;

    /// <summary>Creates the sensor over <paramref name="weather"/> with its own random stream from <paramref name="seed"/>.</summary>
    public SimulatedDht22(SimulatedWeather weather, int seed)
    {
        _weather = weather;
        _random = new SplitMix64(seed, 1);
    }

    /// <summary>Fault knobs.</summary>
    public SensorFaults Faults { get; } = new SensorFaults();

    /// <inheritdoc />
    public ReadingStatus TryRead(out int temperatureCentiCelsius, out int humidityCentiPercent)
    {
        temperatureCentiCelsius = 0;
        humidityCentiPercent = 0;
        if (Faults.Absent)
        {
            return ReadingStatus.NotPresent;
        }

        if (_random.Chance(Faults.DropoutProbability))
        {
            return _random.Chance(0.5) ? ReadingStatus.ChecksumError : ReadingStatus.ReadFailed;
        }

        if (Faults.StuckAfterReads >= 0 && _goodReads > Faults.StuckAfterReads)
        {
            temperatureCentiCelsius = _lastTemperature;
            humidityCentiPercent = _lastHumidity;
            return ReadingStatus.Ok;
        }

        double t = _weather.TemperatureCelsius() - 0.3 + (0.2 * _random.NextGaussian());
        double h = _weather.HumidityPercent() + 1.0 + _random.NextGaussian();
        if (_random.Chance(Faults.SpikeProbability))
        {
            t += _random.Chance(0.5) ? Faults.SpikeMagnitude : -Faults.SpikeMagnitude;
        }

        temperatureCentiCelsius = (int)Math.Round(t * 10, MidpointRounding.AwayFromZero) * 10;
        humidityCentiPercent = (int)Math.Round(Math.Clamp(h, 0, 99.9) * 10, MidpointRounding.AwayFromZero) * 10;
        _lastTemperature = temperatureCentiCelsius;
        _lastHumidity = humidityCentiPercent;
        _goodReads++;
        return ReadingStatus.Ok;
    }
}
