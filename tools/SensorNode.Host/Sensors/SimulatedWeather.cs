using System;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Sensors;

/// <summary>
/// The air around a simulated node as smooth functions of time: temperature with a daily cycle (coldest
/// around 06:00, warmest around 18:00) and a slow drift, humidity moving against temperature, pressure with
/// the semidiurnal atmospheric tide plus a slow weather swing. Noise is added per sensor, not here.
/// </summary>
public sealed class SimulatedWeather
{
    private const double SecondsPerDay = 86400.0;
    private readonly IClock _clock;
    private double? _firstDays;

    /// <summary>Creates the model; time comes from <paramref name="clock"/> (wall clock when set, else monotonic from midnight).</summary>
    public SimulatedWeather(IClock clock)
    {
        _clock = clock;
    }

    /// <summary>Daily mean temperature, °C.</summary>
    public double MeanTemperatureCelsius { get; set; } = 21.0;

    /// <summary>Half the daily temperature swing, °C.</summary>
    public double DailyAmplitudeCelsius { get; set; } = 4.0;

    /// <summary>Temperature drift, °C per day.</summary>
    public double DriftCelsiusPerDay { get; set; } = 0.3;

    /// <summary>Mean relative humidity, %RH.</summary>
    public double MeanHumidityPercent { get; set; } = 50.0;

    /// <summary>Mean sea-level pressure, Pa.</summary>
    public double MeanPressurePascal { get; set; } = 101325.0;

    /// <summary>Seconds since the model's origin (midnight of day 0, or the Unix epoch when the wall clock is set).</summary>
    public double Seconds
    {
        get
        {
            return _clock.TryGetUnixMilliseconds(out long unix) ? unix / 1000.0 : _clock.MonotonicMilliseconds / 1000.0;
        }
    }

    /// <summary>Air temperature now, °C.</summary>
    public double TemperatureCelsius()
    {
        double days = Seconds / SecondsPerDay;
        // The drift runs from the first observation, not from 1970 (on the wall clock that would be thousands of degrees).
        _firstDays ??= days;
        return MeanTemperatureCelsius - (DailyAmplitudeCelsius * Math.Sin(2 * Math.PI * days)) + (DriftCelsiusPerDay * (days - _firstDays.Value));
    }

    /// <summary>Relative humidity now, %RH (falls as the air warms), clamped to 0..100.</summary>
    public double HumidityPercent()
    {
        double h = MeanHumidityPercent - (2.5 * (TemperatureCelsius() - MeanTemperatureCelsius));
        return Math.Clamp(h, 0, 100);
    }

    /// <summary>Pressure now, Pa: ±100 Pa semidiurnal tide and a ±800 Pa swing over about five days.</summary>
    public double PressurePascal()
    {
        double days = Seconds / SecondsPerDay;
        return MeanPressurePascal + (100 * Math.Cos(4 * Math.PI * (days - (10.0 / 24)))) + (800 * Math.Sin(2 * Math.PI * days / 5.3));
    }
}
