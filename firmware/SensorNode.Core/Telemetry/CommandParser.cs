using SensorNode.Core.Ota;
using SensorNode.Core.Provisioning;
namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Parses and validates a JSON command (docs/spec/mqtt.md §7) in the spec's validation order. Never
    /// throws on bad input: the status becomes the error result, and <see cref="Command.ErrorField"/>
    /// names the key concerned. Keys and string values mean what they decode to: <c>"set\u005finterval"</c> is
    /// <c>set_interval</c> (§7.1). Allocates only the strings a command carries (id, url, version).
    /// </summary>
    public sealed class CommandParser
    {
        /// <summary>Longest accepted payload, bytes.</summary>
        public const int MaxPayloadBytes = 512;

        private const int KeyCmd = 0;
        private const int KeyId = 1;
        private const int KeySeconds = 2;
        private const int KeyZThreshold = 3;
        private const int KeyAverage = 4;
        private const int KeyZ = 5;
        private const int KeyCrest = 6;
        private const int KeyUrl = 7;
        private const int KeyVersion = 8;
        private const int KeySha256 = 9;

        /// <summary>Every key a command may carry, in validation order.</summary>
        public static readonly string[] Keys = { "cmd", "id", "seconds", "z_threshold", "average", "z", "crest", "url", "version", "sha256" };

        /// <summary>Command names indexed by <see cref="CommandKind"/>.</summary>
        public static readonly string[] Names = { string.Empty, "set_interval", "set_thresholds", "set_windows", "reboot", "identify", "ota" };

        // Bit k set when command kind i accepts key k (cmd and id are always accepted).
        private static readonly int[] Accepts =
        {
            0,
            1 << KeySeconds,
            1 << KeyZThreshold,
            (1 << KeyAverage) | (1 << KeyZ) | (1 << KeyCrest),
            0,
            1 << KeySeconds,
            (1 << KeyUrl) | (1 << KeyVersion) | (1 << KeySha256),
        };

        private readonly FlatJsonScanner _scan = new FlatJsonScanner(Keys);
        private byte[] _b;

        /// <summary>Parses <paramref name="count"/> bytes into <paramref name="command"/> (cleared first).</summary>
        public CommandStatus Parse(byte[] buffer, int offset, int count, Command command)
        {
            command.Clear();
            _b = buffer;
            if (count <= 0)
            {
                return CommandStatus.Empty;
            }

            if (count > MaxPayloadBytes)
            {
                return CommandStatus.TooLong;
            }

            CommandStatus status = _scan.Scan(buffer, offset, count);
            if ((status == CommandStatus.UnknownKey || status == CommandStatus.DuplicateKey || status == CommandStatus.BadEscape) && _scan.BadKeyLength >= 0)
            {
                command.ErrorFieldLength = JsonText.DecodeInto(buffer, _scan.BadKeyStart, _scan.BadKeyLength, command.ErrorFieldChars);
                command.ErrorField = new string(command.ErrorFieldChars, 0, command.ErrorFieldLength);
            }

            if (status != CommandStatus.Ok)
            {
                return status;
            }

            status = Identify(command);
            if (status != CommandStatus.Ok)
            {
                return status;
            }

            int accepted = Accepts[(int)command.Kind];
            for (int k = KeySeconds; k < Keys.Length; k++)
            {
                if (_scan.Types[k] != JsonValueType.Absent && (accepted & (1 << k)) == 0)
                {
                    return Fail(command, k, CommandStatus.UnknownKey);
                }
            }

            switch (command.Kind)
            {
                case CommandKind.SetInterval:
                    return Whole(command, KeySeconds, Low(ConfigField.SampleIntervalSeconds), High(ConfigField.SampleIntervalSeconds), true, out command.IntervalSeconds);
                case CommandKind.SetThresholds:
                    return Milli(command, KeyZThreshold, Low(ConfigField.ZThresholdMilli), High(ConfigField.ZThresholdMilli), out command.ZThresholdMilli);
                case CommandKind.SetWindows:
                    return Windows(command);
                case CommandKind.Identify:
                    command.IdentifySeconds = 10;
                    return _scan.Types[KeySeconds] == JsonValueType.Absent
                        ? CommandStatus.Ok
                        : Whole(command, KeySeconds, 1, 600, true, out command.IdentifySeconds);
                case CommandKind.Ota:
                    return Ota(command);
                default:
                    return CommandStatus.Ok;
            }
        }

        // One valid range per setting: the provisioning table (ConfigFields), so a value set over MQTT can be committed.
        private static int Low(ConfigField field)
        {
            return ConfigFields.Min((int)field);
        }

        private static int High(ConfigField field)
        {
            return ConfigFields.Max((int)field);
        }

        private CommandStatus Identify(Command command)
        {
            if (_scan.Types[KeyCmd] == JsonValueType.Absent)
            {
                return CommandStatus.MissingCmd;
            }

            if (_scan.Types[KeyCmd] != JsonValueType.String)
            {
                return Fail(command, KeyCmd, CommandStatus.WrongType);
            }

            for (int i = 1; i < Names.Length; i++)
            {
                if (JsonText.DecodedEquals(_b, _scan.Starts[KeyCmd], _scan.Lengths[KeyCmd], Names[i]))
                {
                    command.Kind = (CommandKind)i;
                }
            }

            if (command.Kind == CommandKind.None)
            {
                return Fail(command, KeyCmd, CommandStatus.UnknownCmd);
            }

            JsonValueType id = _scan.Types[KeyId];
            if (id == JsonValueType.Absent)
            {
                return CommandStatus.Ok;
            }

            if (id != JsonValueType.String)
            {
                return Fail(command, KeyId, CommandStatus.WrongType);
            }

            if (JsonText.DecodedLength(_b, _scan.Starts[KeyId], _scan.Lengths[KeyId]) > Command.MaxIdLength)
            {
                return Fail(command, KeyId, CommandStatus.OutOfRange);
            }

            command.IdLength = JsonText.DecodeInto(_b, _scan.Starts[KeyId], _scan.Lengths[KeyId], command.IdChars);
            command.Id = new string(command.IdChars, 0, command.IdLength);
            return CommandStatus.Ok;
        }

        private CommandStatus Windows(Command command)
        {
            if (_scan.Types[KeyAverage] == JsonValueType.Absent && _scan.Types[KeyZ] == JsonValueType.Absent && _scan.Types[KeyCrest] == JsonValueType.Absent)
            {
                return Fail(command, KeyAverage, CommandStatus.MissingField);
            }

            CommandStatus s = Whole(command, KeyAverage, Low(ConfigField.AverageWindow), High(ConfigField.AverageWindow), false, out command.AverageWindow);
            if (s == CommandStatus.Ok)
            {
                s = Whole(command, KeyZ, Low(ConfigField.ZWindow), High(ConfigField.ZWindow), false, out command.ZWindow);
            }

            if (s == CommandStatus.Ok)
            {
                s = Whole(command, KeyCrest, Low(ConfigField.CrestWindow), High(ConfigField.CrestWindow), false, out command.CrestWindow);
            }

            return s;
        }

        private CommandStatus Ota(Command command)
        {
            for (int k = KeyUrl; k <= KeySha256; k++)
            {
                if (_scan.Types[k] == JsonValueType.Absent)
                {
                    return Fail(command, k, CommandStatus.MissingField);
                }

                if (_scan.Types[k] != JsonValueType.String)
                {
                    return Fail(command, k, CommandStatus.WrongType);
                }
            }

            // url and version are printable ASCII without spaces (§7.2); checked on the decoded code units before a
            // string is made, as nanoFramework's strings end at a decoded "\u0000" and cannot index a non-BMP character.
            string url = JsonText.IsVisibleAscii(_b, _scan.Starts[KeyUrl], _scan.Lengths[KeyUrl]) ? JsonText.Decode(_b, _scan.Starts[KeyUrl], _scan.Lengths[KeyUrl]) : null;
            if (url == null || !OtaText.IsUrl(url))
            {
                return Fail(command, KeyUrl, CommandStatus.BadUrl);
            }

            string version = JsonText.IsVisibleAscii(_b, _scan.Starts[KeyVersion], _scan.Lengths[KeyVersion]) ? JsonText.Decode(_b, _scan.Starts[KeyVersion], _scan.Lengths[KeyVersion]) : null;
            if (version == null || !OtaText.IsVersion(version))
            {
                return Fail(command, KeyVersion, CommandStatus.BadVersion);
            }

            if (!OtaText.TryParseSha256(_b, _scan.Starts[KeySha256], _scan.Lengths[KeySha256], command.OtaSha256))
            {
                return Fail(command, KeySha256, CommandStatus.BadSha256);
            }

            command.OtaUrl = url;
            command.OtaVersion = version;
            return CommandStatus.Ok;
        }

        private CommandStatus Whole(Command command, int key, int min, int max, bool required, out int value)
        {
            value = 0;
            CommandStatus s = Milli(command, key, (long)min * 1000, (long)max * 1000, required, out long milli);
            if (s != CommandStatus.Ok || _scan.Types[key] == JsonValueType.Absent)
            {
                return s;
            }

            if (!_scan.Whole[key])
            {
                return Fail(command, key, CommandStatus.OutOfRange);
            }

            value = (int)(milli / 1000);
            return CommandStatus.Ok;
        }

        private CommandStatus Milli(Command command, int key, int min, int max, out int value)
        {
            value = 0;
            CommandStatus s = Milli(command, key, min, max, true, out long milli);
            value = (int)milli;
            return s;
        }

        private CommandStatus Milli(Command command, int key, long min, long max, bool required, out long milli)
        {
            milli = 0;
            JsonValueType type = _scan.Types[key];
            if (type == JsonValueType.Absent)
            {
                return required ? Fail(command, key, CommandStatus.MissingField) : CommandStatus.Ok;
            }

            if (type != JsonValueType.Number)
            {
                return Fail(command, key, CommandStatus.WrongType);
            }

            milli = _scan.Milli[key];
            if (!_scan.Representable[key] || milli < min || milli > max)
            {
                milli = 0;
                return Fail(command, key, CommandStatus.OutOfRange);
            }

            return CommandStatus.Ok;
        }

        private static CommandStatus Fail(Command command, int key, CommandStatus status)
        {
            command.ErrorField = Keys[key];
            return status;
        }
    }
}
