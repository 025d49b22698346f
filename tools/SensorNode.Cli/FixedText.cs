using System;
using System.Globalization;

namespace SensorNode.Cli;

/// <summary>Conversions between decimal text and the core's scaled integers.</summary>
internal static class FixedText
{
    /// <summary>Formats value / 10^decimals with exactly that many decimals, invariant culture.</summary>
    public static string Format(long scaled, int decimals)
    {
        decimal value = scaled;
        for (int i = 0; i < decimals; i++)
        {
            value /= 10m;
        }

        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Parses decimal text to thousandths (rounded half away from zero); false if not a number or out of int range.</summary>
    public static bool TryParseMilli(string text, out int milli)
    {
        milli = 0;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }

        decimal scaled = Math.Round(value * 1000m, MidpointRounding.AwayFromZero);
        if (scaled > int.MaxValue || scaled < int.MinValue)
        {
            return false;
        }

        milli = (int)scaled;
        return true;
    }
}
