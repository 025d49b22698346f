using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Storage;

/// <summary>
/// One channel as stored and exported: its name in MQTT state JSON (docs/spec/mqtt.md §4), its columns and the
/// scale from the stored fixed-point integer to the user unit.
/// </summary>
public sealed record StorageChannel(Channel Channel, string Name, string ValueColumn, string StatusColumn, int Decimals, int UnitsPerUserUnit)
{
    /// <summary>Every channel, indexed by <see cref="Core.Sensors.Channel"/>.</summary>
    public static readonly StorageChannel[] All =
    {
        new(Channel.Temperature, "temperature", "temperature_centi_c", "temperature_status", 2, 100),
        new(Channel.Humidity, "humidity", "humidity_centi_pct", "humidity_status", 2, 100),
        new(Channel.Pressure, "pressure", "pressure_pa", "pressure_status", 2, 100),
        new(Channel.VibrationRms, "vibration_rms", "vibration_rms_milli_g", "vibration_rms_status", 3, 1000),
        new(Channel.CrestFactor, "crest_factor", "crest_factor_milli", "crest_factor_status", 3, 1000),
    };

    /// <summary>The channel called <paramref name="name"/>, or null.</summary>
    public static StorageChannel? Find(string name) => Array.Find(All, c => c.Name == name);

    /// <summary>The stored value in user units with the decimals of mqtt.md §4 (pressure: Pa → hPa).</summary>
    public string Format(int stored)
    {
        long whole = Math.Abs((long)stored) / UnitsPerUserUnit;
        long fraction = Math.Abs((long)stored) % UnitsPerUserUnit;
        return (stored < 0 ? "-" : string.Empty) + whole + "." + fraction.ToString(new string('0', Decimals), System.Globalization.CultureInfo.InvariantCulture);
    }
}
