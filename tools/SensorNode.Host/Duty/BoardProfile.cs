using System;
using System.IO;
using SensorNode.Core.Board;

namespace SensorNode.Host.Duty;

/// <summary>
/// Electrical figures of a board for the power model. Profiles (hardware/boards/&lt;name&gt;/board.profile) are read by
/// the core's own parser (docs/spec/board-profile.md), the same code the node runs; the defaults below are for a
/// model run without a profile: the figures of shared PLATFORM.md §4 (docs/power.md says which).
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

    /// <summary>The power model's figures of a profile parsed by the core's own parser (the one the node runs).</summary>
    public static BoardProfile From(SensorNode.Core.Board.BoardProfile core) => new()
    {
        SleepCurrentMicroamps = core.SleepCurrentMicroAmps,
        ActiveCurrentMilliamps = core.ActiveCurrentMilliAmps,
        TxCurrentMilliamps = core.TxCurrentMilliAmps,
        BootMilliseconds = core.BootMilliseconds,
        WifiConnectMilliseconds = core.WifiConnectMilliseconds,
        TlsHandshakeMilliseconds = core.TlsHandshakeMilliseconds,
    };

    /// <summary>Reads a board.profile file (docs/spec/board-profile.md) with the core's parser; errors name the file and line.</summary>
    public static BoardProfile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"cannot read board profile {path}: {ex.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses board.profile text with the core's parser; <paramref name="source"/> names it in errors.</summary>
    public static BoardProfile Parse(string text, string source)
    {
        var core = new SensorNode.Core.Board.BoardProfile();
        BoardProfileStatus status = BoardProfileParser.ParseText(text, core, out int line);
        if (status != BoardProfileStatus.Ok)
        {
            string where = line > 0 ? $"{source}:{line}" : source;
            throw new FormatException($"{where}: not a valid board profile ({Describe(status)}; docs/spec/board-profile.md §5)");
        }

        return From(core);
    }

    private static string Describe(BoardProfileStatus status) => status switch
    {
        BoardProfileStatus.TooLarge => "larger than " + BoardProfileParser.MaxBytes + " bytes",
        BoardProfileStatus.LineTooLong => "a line longer than " + BoardProfileParser.MaxLineBytes + " bytes",
        BoardProfileStatus.BadCharacter => "a character outside printable ASCII",
        BoardProfileStatus.MissingSeparator => "expected key=value",
        BoardProfileStatus.UnknownKey => "unknown key",
        BoardProfileStatus.DuplicateKey => "a key given twice",
        BoardProfileStatus.BadValue => "a value of the wrong type",
        BoardProfileStatus.OutOfRange => "a value out of range",
        BoardProfileStatus.InvalidPin => "a GPIO that does not exist or cannot be an output",
        BoardProfileStatus.MissingKey => "a required key is missing",
        BoardProfileStatus.PinConflict => "two functions on one GPIO",
        _ => status.ToString(),
    };
}
