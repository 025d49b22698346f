using SensorNode.Core.Sensors.Drivers;

namespace SensorNode.Core.Board
{
    /// <summary>
    /// Parses the key=value board profile of docs/spec/board-profile.md. Never throws on bad input: returns
    /// the first error in the order of spec §4 with its 1-based line (0 for whole-file errors). On failure the
    /// profile holds partial values and must be discarded.
    /// </summary>
    public static class BoardProfileParser
    {
        /// <summary>Largest profile, in bytes.</summary>
        public const int MaxBytes = 4096;

        /// <summary>Longest line, in bytes, without its line ending.</summary>
        public const int MaxLineBytes = 120;

        private const int KindName = 0;
        private const int KindNumber = 1;
        private const int KindOutputPin = 2;
        private const int KindInputPinOrNone = 3;
        private const int KindOutputPinOrNone = 4;
        private const int KindAdcPinOrNone = 5;
        private const int KindAccelAddress = 6;
        private const int KindAxis = 7;

        // Spec §3, row for row: key, kind, min, max, required.
        private static readonly string[] Keys = new string[]
        {
            "board", "i2c_bus", "i2c_sda_pin", "i2c_scl_pin", "dht22_echo_pin", "dht22_trigger_pin", "adxl345_address",
            "adxl345_int1_pin", "adxl345_axis", "battery_adc_pin", "battery_divider_ratio_milli", "sleep_current_ua",
            "active_current_ma", "tx_current_ma", "boot_ms", "wifi_connect_ms", "tls_handshake_ms", "psram_kb", "ota_slot_kb",
        };

        private static readonly int[] Kinds = new int[]
        {
            KindName, KindNumber, KindOutputPin, KindOutputPin, KindInputPinOrNone, KindOutputPinOrNone, KindAccelAddress,
            KindInputPinOrNone, KindAxis, KindAdcPinOrNone, KindNumber, KindNumber, KindNumber, KindNumber, KindNumber, KindNumber, KindNumber,
            KindNumber, KindNumber,
        };

        private static readonly int[] Mins = new int[] { 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 1, 1, 1, 1, 1, 1, 0, 0 };

        private static readonly int[] Maxes = new int[] { 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 20000, 1000000, 1000, 1000, 60000, 60000, 60000, 32768, 8192 };

        private static readonly bool[] Required = new bool[]
        {
            true, true, true, true, true, true, true, false, false, false, false, true, true, true, false, false, false, false,
            false,
        };

        /// <summary>Parses a profile held in a string (ASCII; any other character is BadCharacter).</summary>
        public static BoardProfileStatus ParseText(string text, BoardProfile profile, out int errorLine)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bytes[i] = c < 128 ? (byte)c : (byte)0;
            }

            return Parse(bytes, 0, bytes.Length, profile, out errorLine);
        }

        /// <summary>Parses <paramref name="count"/> bytes of profile text into <paramref name="profile"/>.</summary>
        public static BoardProfileStatus Parse(byte[] text, int offset, int count, BoardProfile profile, out int errorLine)
        {
            errorLine = 0;
            profile.Reset();
            if (count > MaxBytes)
            {
                return BoardProfileStatus.TooLarge;
            }

            int seen = 0;
            int line = 0;
            int end = offset + count;
            int start = offset;
            while (start < end)
            {
                line++;
                int stop = start;
                while (stop < end && text[stop] != (byte)'\n')
                {
                    stop++;
                }

                int lineEnd = stop > start && text[stop - 1] == (byte)'\r' ? stop - 1 : stop;
                BoardProfileStatus status = ParseLine(text, start, lineEnd, profile, ref seen);
                if (status != BoardProfileStatus.Ok)
                {
                    errorLine = line;
                    return status;
                }

                start = stop + 1;
            }

            for (int k = 0; k < Keys.Length; k++)
            {
                if (Required[k] && (seen & (1 << k)) == 0)
                {
                    return BoardProfileStatus.MissingKey;
                }
            }

            return CheckPins(profile);
        }

        private static BoardProfileStatus ParseLine(byte[] text, int start, int end, BoardProfile profile, ref int seen)
        {
            if (end - start > MaxLineBytes)
            {
                return BoardProfileStatus.LineTooLong;
            }

            int separator = -1;
            for (int i = start; i < end; i++)
            {
                byte b = text[i];
                if ((b < 0x20 && b != (byte)'\t') || b > 0x7E)
                {
                    return BoardProfileStatus.BadCharacter;
                }

                if (b == (byte)'=' && separator < 0)
                {
                    separator = i;
                }
            }

            int first = SkipSpace(text, start, end);
            if (first == end || text[first] == (byte)'#')
            {
                return BoardProfileStatus.Ok;
            }

            if (separator < 0)
            {
                return BoardProfileStatus.MissingSeparator;
            }

            int keyEnd = TrimEnd(text, first, separator);
            int key = FindKey(text, first, keyEnd);
            if (key < 0)
            {
                return BoardProfileStatus.UnknownKey;
            }

            if ((seen & (1 << key)) != 0)
            {
                return BoardProfileStatus.DuplicateKey;
            }

            seen |= 1 << key;
            int valueStart = SkipSpace(text, separator + 1, end);
            int valueEnd = TrimEnd(text, valueStart, end);
            return Assign(key, text, valueStart, valueEnd, profile);
        }

        private static BoardProfileStatus Assign(int key, byte[] text, int start, int end, BoardProfile profile)
        {
            int kind = Kinds[key];
            if (kind == KindName)
            {
                return AssignName(text, start, end, profile);
            }

            if (kind == KindAxis)
            {
                return AssignAxis(text, start, end, profile);
            }

            int value;
            if (!TryParseNumber(text, start, end, out value))
            {
                return BoardProfileStatus.BadValue;
            }

            BoardProfileStatus status = CheckValue(kind, value, Mins[key], Maxes[key]);
            if (status != BoardProfileStatus.Ok)
            {
                return status;
            }

            switch (key)
            {
                case 1: profile.I2cBus = value; break;
                case 2: profile.I2cSdaPin = value; break;
                case 3: profile.I2cSclPin = value; break;
                case 4: profile.Dht22EchoPin = value; break;
                case 5: profile.Dht22TriggerPin = value; break;
                case 6: profile.Adxl345Address = value; break;
                case 7: profile.Adxl345Int1Pin = value; break;
                case 9: profile.BatteryAdcPin = value; break;
                case 10: profile.BatteryDividerRatioMilli = value; break;
                case 11: profile.SleepCurrentMicroAmps = value; break;
                case 12: profile.ActiveCurrentMilliAmps = value; break;
                case 13: profile.TxCurrentMilliAmps = value; break;
                case 14: profile.BootMilliseconds = value; break;
                case 15: profile.WifiConnectMilliseconds = value; break;
                case 16: profile.TlsHandshakeMilliseconds = value; break;
                case 17: profile.PsramKiloBytes = value; break;
                default: profile.OtaSlotKiloBytes = value; break;
            }

            return BoardProfileStatus.Ok;
        }

        private static BoardProfileStatus CheckValue(int kind, int value, int min, int max)
        {
            switch (kind)
            {
                case KindNumber:
                    return value < min || value > max ? BoardProfileStatus.OutOfRange : BoardProfileStatus.Ok;
                case KindAccelAddress:
                    return value == -1 || value == Adxl345.DefaultI2cAddress || value == Adxl345.AlternateI2cAddress ? BoardProfileStatus.Ok : BoardProfileStatus.OutOfRange;
                case KindOutputPin:
                    return IsOutputGpio(value) ? BoardProfileStatus.Ok : BoardProfileStatus.InvalidPin;
                case KindOutputPinOrNone:
                    return value == -1 || IsOutputGpio(value) ? BoardProfileStatus.Ok : BoardProfileStatus.InvalidPin;
                case KindAdcPinOrNone:
                    return value == -1 || (value >= 32 && value <= 39) ? BoardProfileStatus.Ok : BoardProfileStatus.InvalidPin;
                default:
                    return value == -1 || IsGpio(value) ? BoardProfileStatus.Ok : BoardProfileStatus.InvalidPin;
            }
        }

        private static BoardProfileStatus AssignName(byte[] text, int start, int end, BoardProfile profile)
        {
            int length = end - start;
            if (length < 1 || length > 32)
            {
                return BoardProfileStatus.BadValue;
            }

            char[] name = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = text[start + i];
                bool ok = (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'0' && b <= (byte)'9') || b == (byte)'-';
                if (!ok)
                {
                    return BoardProfileStatus.BadValue;
                }

                name[i] = (char)b;
            }

            profile.Name = new string(name);
            return BoardProfileStatus.Ok;
        }

        private static BoardProfileStatus AssignAxis(byte[] text, int start, int end, BoardProfile profile)
        {
            if (end - start != 1)
            {
                return BoardProfileStatus.BadValue;
            }

            byte b = text[start];
            if (b == (byte)'x')
            {
                profile.Adxl345Axis = Axis.X;
            }
            else if (b == (byte)'y')
            {
                profile.Adxl345Axis = Axis.Y;
            }
            else if (b == (byte)'z')
            {
                profile.Adxl345Axis = Axis.Z;
            }
            else
            {
                return BoardProfileStatus.BadValue;
            }

            return BoardProfileStatus.Ok;
        }

        private static BoardProfileStatus CheckPins(BoardProfile profile)
        {
            if ((profile.Dht22EchoPin < 0) != (profile.Dht22TriggerPin < 0))
            {
                return BoardProfileStatus.PinConflict;
            }

            int[] pins = new int[]
            {
                profile.I2cSdaPin, profile.I2cSclPin, profile.Dht22EchoPin, profile.Dht22TriggerPin, profile.Adxl345Int1Pin, profile.BatteryAdcPin,
            };
            for (int i = 0; i < pins.Length; i++)
            {
                for (int j = i + 1; j < pins.Length; j++)
                {
                    if (pins[i] >= 0 && pins[i] == pins[j])
                    {
                        return BoardProfileStatus.PinConflict;
                    }
                }
            }

            return BoardProfileStatus.Ok;
        }

        /// <summary>True for GPIOs a WROOM-32 module exposes: 0–39 except 6–11 (flash), 20, 24 and 28–31.</summary>
        public static bool IsGpio(int pin)
        {
            if (pin < 0 || pin > 39 || (pin >= 6 && pin <= 11))
            {
                return false;
            }

            return pin != 20 && pin != 24 && (pin < 28 || pin > 31);
        }

        /// <summary>True for GPIOs that can drive an output (34–39 are input-only).</summary>
        public static bool IsOutputGpio(int pin)
        {
            return IsGpio(pin) && pin < 34;
        }

        private static bool TryParseNumber(byte[] text, int start, int end, out int value)
        {
            value = 0;
            bool negative = start < end && text[start] == (byte)'-';
            int i = negative ? start + 1 : start;
            bool hex = end - i > 2 && text[i] == (byte)'0' && (text[i + 1] == (byte)'x' || text[i + 1] == (byte)'X');
            if (hex)
            {
                i += 2;
            }

            int digits = end - i;
            if (digits < 1 || digits > (hex ? 7 : 9))
            {
                return false;
            }

            for (; i < end; i++)
            {
                int d = Digit(text[i], hex);
                if (d < 0)
                {
                    return false;
                }

                value = (value * (hex ? 16 : 10)) + d;
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        private static int Digit(byte b, bool hex)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - '0';
            }

            if (hex && b >= (byte)'a' && b <= (byte)'f')
            {
                return b - 'a' + 10;
            }

            if (hex && b >= (byte)'A' && b <= (byte)'F')
            {
                return b - 'A' + 10;
            }

            return -1;
        }

        private static int FindKey(byte[] text, int start, int end)
        {
            for (int k = 0; k < Keys.Length; k++)
            {
                string key = Keys[k];
                if (key.Length != end - start)
                {
                    continue;
                }

                int i = 0;
                while (i < key.Length && text[start + i] == (byte)key[i])
                {
                    i++;
                }

                if (i == key.Length)
                {
                    return k;
                }
            }

            return -1;
        }

        private static int SkipSpace(byte[] text, int start, int end)
        {
            while (start < end && (text[start] == (byte)' ' || text[start] == (byte)'\t'))
            {
                start++;
            }

            return start;
        }

        private static int TrimEnd(byte[] text, int start, int end)
        {
            while (end > start && (text[end - 1] == (byte)' ' || text[end - 1] == (byte)'\t'))
            {
                end--;
            }

            return end;
        }
    }
}
