using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SensorNode.Host.Duty;

/// <summary>
/// Electrical figures of a board for the power model, read from a key=value profile
/// (hardware/boards/&lt;name&gt;/ profile files; '#' starts a comment; unknown keys are ignored so profiles
/// can carry more). Defaults are the figures of shared PLATFORM.md §4 (docs/power.md says which).
/// </summary>
public sealed record BoardProfile
{
    /// <summary>Deep-sleep current of the whole board, microamps (ESP32 chip: 10 uA; dev boards 130 uA to mA).</summary>
    public double SleepCurrentMicroamps { get; init; } = 10;

    /// <summary>Current while awake with the radio off (CPU, modem sleep), milliamps (20-68 mA).</summary>
    public double ActiveCurrentMilliamps { get; init; } = 50;

    /// <summary>Mean current while the radio is on (mostly RX 95-100 mA, TX bursts 180-240 mA), milliamps.</summary>
    public double TxCurrentMilliamps { get; init; } = 120;

    /// <summary>Timer to application start (bootloader + runtime), milliseconds (0.1-0.4 s before the runtime).</summary>
    public double BootMilliseconds { get; init; } = 400;

    /// <summary>Wi-Fi association after deep sleep, milliseconds (0.2-0.7 s static IP; seconds with DHCP).</summary>
    public double WifiConnectMilliseconds { get; init; } = 700;

    /// <summary>Full TLS handshake, milliseconds (1.2-3 s on an ESP32).</summary>
    public double TlsHandshakeMilliseconds { get; init; } = 2000;

    /// <summary>The profile's keys, as the hardware profiles spell them.</summary>
    public static readonly string[] Keys = { "sleep_current_ua", "active_current_ma", "tx_current_ma", "boot_ms", "wifi_connect_ms", "tls_handshake_ms" };

    /// <summary>Reads a profile file over the defaults; errors name the file, line and key.</summary>
    public static BoardProfile Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"cannot read board profile {path}: {ex.Message}");
        }

        return Parse(lines, path);
    }

    /// <summary>Reads profile lines over the defaults; <paramref name="source"/> names them in errors.</summary>
    public static BoardProfile Parse(string[] lines, string source)
    {
        string path = source;
        var profile = new BoardProfile();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            line = (hash >= 0 ? line[..hash] : line).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException($"{path}:{i + 1}: expected key=value, got '{line}'");
            }

            string key = line[..eq].Trim();
            string text = line[(eq + 1)..].Trim();
            if (Array.IndexOf(Keys, key) < 0)
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || double.IsInfinity(value))
            {
                throw new FormatException($"{path}:{i + 1}: {key} must be a non-negative number, got '{text}'");
            }

            if (!seen.Add(key))
            {
                throw new FormatException($"{path}:{i + 1}: {key} is given twice");
            }

            profile = key switch
            {
                "sleep_current_ua" => profile with { SleepCurrentMicroamps = value },
                "active_current_ma" => profile with { ActiveCurrentMilliamps = value },
                "tx_current_ma" => profile with { TxCurrentMilliamps = value },
                "boot_ms" => profile with { BootMilliseconds = value },
                "wifi_connect_ms" => profile with { WifiConnectMilliseconds = value },
                _ => profile with { TlsHandshakeMilliseconds = value },
            };
        }

        return profile;
    }
}
