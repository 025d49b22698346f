namespace SensorNode.Core.Telemetry
{
    /// <summary>Writes the &lt;base&gt;/health JSON (docs/spec/mqtt.md §6). Allocates nothing.</summary>
    public sealed class HealthWriter
    {
        private static readonly string[] ResetNames = { "unknown", "power_on", "deep_sleep_wake", "software", "watchdog", "brownout", "panic" };
        private static readonly string[] LevelNames = { "ok", "warning", "failed" };
        private static readonly string[] ChannelNames = { "temperature", "humidity", "pressure", "vibration_rms", "crest_factor" };

        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>Writes the JSON; returns its length, or minus the bytes needed when the buffer is too small.</summary>
        public int Write(HealthReport h, byte[] buffer, int offset, int count)
        {
            _w.Reset(buffer, offset, count);
            _w.Text("{\"level\":\"");
            _w.Text(LevelNames[(int)h.Level]);
            _w.Text("\",\"boot_count\":");
            _w.Integer(h.BootCount);
            _w.Text(",\"reset_reason\":\"");
            int reason = (int)h.ResetReason;
            _w.Text(ResetNames[reason >= 0 && reason < ResetNames.Length ? reason : 0]);
            _w.Text("\",\"uptime_s\":");
            _w.Integer(h.UptimeSeconds);
            _w.Text(",\"rssi_dbm\":");
            Optional(h.RssiDbm, h.RssiDbm != 0);
            _w.Text(",\"free_memory_bytes\":");
            Optional(h.FreeMemoryBytes, h.FreeMemoryBytes >= 0);
            _w.Text(",\"sensor_errors\":{");
            for (int c = 0; c < ChannelNames.Length; c++)
            {
                if (c > 0)
                {
                    _w.Byte(',');
                }

                _w.Byte('"');
                _w.Text(ChannelNames[c]);
                _w.Text("\":");
                _w.Integer(h.SensorErrors[c]);
            }

            _w.Text("},\"buffer_fill\":");
            _w.Integer(h.BufferFill);
            _w.Text(",\"buffer_capacity\":");
            _w.Integer(h.BufferCapacity);
            _w.Text(",\"readings_dropped\":");
            _w.Integer(h.ReadingsDropped);
            _w.Text(",\"firmware_version\":\"");
            _w.Text(h.FirmwareVersion == null ? FirmwareInfo.Version : h.FirmwareVersion);
            _w.Text("\",\"config_version\":");
            _w.Integer(h.ConfigVersion);
            _w.Byte('}');
            return _w.Overflowed ? -_w.Length : _w.Length;
        }

        private void Optional(long value, bool known)
        {
            if (known)
            {
                _w.Integer(value);
            }
            else
            {
                _w.Text("null");
            }
        }
    }
}
