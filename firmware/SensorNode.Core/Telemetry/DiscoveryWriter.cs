namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Writes Home Assistant MQTT discovery configs (docs/spec/mqtt.md §8): one per sensor plus a
    /// binary_sensor for the anomaly flag, published retained to
    /// homeassistant/&lt;component&gt;/&lt;node-id&gt;/&lt;object&gt;/config. Allocates nothing.
    /// </summary>
    public sealed class DiscoveryWriter
    {
        /// <summary>Number of discovery configs.</summary>
        public const int Count = 6;

        /// <summary>Availability template: every status but "offline" (including "sleeping") means available.</summary>
        public const string AvailabilityTemplate = "{{ 'offline' if value == 'offline' else 'online' }}";

        /// <summary>Object ids (and state JSON keys), indexed like every other table here.</summary>
        public static readonly string[] ObjectIds = { "temperature", "humidity", "pressure", "vibration_rms", "crest_factor", "anomaly" };

        /// <summary>Home Assistant component of each object.</summary>
        public static readonly string[] Components = { "sensor", "sensor", "sensor", "sensor", "sensor", "binary_sensor" };

        private static readonly string[] Names = { "Temperature", "Humidity", "Pressure", "Vibration RMS", "Crest factor", "Anomaly" };
        private static readonly string[] DeviceClasses = { "temperature", "humidity", "atmospheric_pressure", null, null, "problem" };

        // "°C" is written as UTF-8 by ByteWriter.Char.
        private static readonly string[] Units = { "\u00B0C", "%", "hPa", "g", null, null };

        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>Writes config <paramref name="index"/>; returns its length, or minus the bytes needed.</summary>
        public int Write(int index, MqttTopics topics, int expireAfterSeconds, byte[] buffer, int offset, int count)
        {
            _w.Reset(buffer, offset, count);
            _w.Text("{\"name\":\"");
            _w.Text(Names[index]);
            _w.Text("\",\"unique_id\":\"sensornode_");
            _w.Text(topics.NodeId);
            _w.Byte('_');
            _w.Text(ObjectIds[index]);
            _w.Text("\",\"state_topic\":");
            _w.JsonString(topics.State);
            if (index == Count - 1)
            {
                _w.Text(",\"value_template\":\"{{ 'ON' if value_json.anomaly else 'OFF' }}\",\"payload_on\":\"ON\",\"payload_off\":\"OFF\"");
            }
            else
            {
                _w.Text(",\"value_template\":\"{{ value_json.");
                _w.Text(ObjectIds[index]);
                _w.Text(" }}\",\"state_class\":\"measurement\"");
            }

            if (DeviceClasses[index] != null)
            {
                _w.Text(",\"device_class\":\"");
                _w.Text(DeviceClasses[index]);
                _w.Byte('"');
            }

            if (Units[index] != null)
            {
                _w.Text(",\"unit_of_measurement\":\"");
                _w.Text(Units[index]);
                _w.Byte('"');
            }

            _w.Text(",\"expire_after\":");
            _w.Integer(expireAfterSeconds);
            _w.Text(",\"availability\":[{\"topic\":");
            _w.JsonString(topics.Status);
            _w.Text(",\"payload_available\":\"online\",\"payload_not_available\":\"offline\",\"value_template\":");
            _w.JsonString(AvailabilityTemplate);
            _w.Text("}],\"device\":{\"identifiers\":[\"sensornode_");
            _w.Text(topics.NodeId);
            _w.Text("\"],\"name\":\"SensorNode ");
            _w.Text(topics.NodeId);
            _w.Text("\",\"model\":\"");
            _w.Text(FirmwareInfo.Model);
            _w.Text("\",\"manufacturer\":\"");
            _w.Text(FirmwareInfo.Manufacturer);
            _w.Text("\",\"sw_version\":\"");
            _w.Text(FirmwareInfo.Version);
            _w.Text("\"}}");
            return _w.Overflowed ? -_w.Length : _w.Length;
        }

        /// <summary>
        /// expire_after for a node that publishes state every <paramref name="publishPeriodSeconds"/>:
        /// two periods, so one missed publish is tolerated and the second makes the entity unavailable.
        /// </summary>
        public static int ExpireAfterSeconds(int publishPeriodSeconds)
        {
            return 2 * publishPeriodSeconds;
        }
    }
}
