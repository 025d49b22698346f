namespace SensorNode.Core.Telemetry
{
    /// <summary>Writes the &lt;base&gt;/cmd/result JSON (docs/spec/mqtt.md §7.4). Allocates nothing.</summary>
    public sealed class CommandResultWriter
    {
        /// <summary>"error" texts indexed by <see cref="CommandStatus"/> (the spec's error table).</summary>
        public static readonly string[] ErrorNames =
        {
            "ok", "empty", "too_long", "malformed", "not_an_object", "nested_value", "duplicate_key", "unknown_key",
            "missing_cmd", "unknown_cmd", "missing_field", "wrong_type", "out_of_range", "bad_url", "bad_version",
            "bad_sha256", "unsupported", "rejected", "bad_escape",
        };

        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>Writes the result of <paramref name="command"/>; returns the length, or minus the bytes needed.</summary>
        public int Write(Command command, CommandStatus status, byte[] buffer, int offset, int count)
        {
            _w.Reset(buffer, offset, count);
            _w.Byte('{');
            if (command.Id != null)
            {
                _w.Text("\"id\":");
                if (command.IdLength > 0)
                {
                    _w.JsonString(command.IdChars, command.IdLength);
                }
                else
                {
                    _w.JsonString(command.Id);
                }
                _w.Byte(',');
            }

            _w.Text("\"cmd\":");
            if (command.Kind == CommandKind.None)
            {
                _w.Text("null");
            }
            else
            {
                _w.Byte('"');
                _w.Text(CommandParser.Names[(int)command.Kind]);
                _w.Byte('"');
            }

            if (status == CommandStatus.Ok)
            {
                _w.Text(",\"ok\":true}");
            }
            else
            {
                int s = (int)status;
                _w.Text(",\"ok\":false,\"error\":\"");
                _w.Text(ErrorNames[s >= 0 && s < ErrorNames.Length ? s : (int)CommandStatus.Rejected]);
                _w.Byte('"');
                if (command.ErrorField != null)
                {
                    _w.Text(",\"field\":");
                    if (command.ErrorFieldLength > 0)
                    {
                        _w.JsonString(command.ErrorFieldChars, command.ErrorFieldLength);
                    }
                    else
                    {
                        _w.JsonString(command.ErrorField);
                    }
                }

                if (command.ErrorReason != null)
                {
                    _w.Text(",\"reason\":");
                    _w.JsonString(command.ErrorReason);
                }

                _w.Byte('}');
            }

            return _w.Overflowed ? -_w.Length : _w.Length;
        }
    }
}
