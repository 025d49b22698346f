using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Writes the retained &lt;base&gt;/state JSON (docs/spec/mqtt.md §4) for one sample. A channel whose
    /// status is not Ok is written as null. Allocates nothing.
    /// </summary>
    public sealed class StateWriter
    {
        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>Writes the JSON; returns its length, or minus the bytes needed when the buffer is too small.</summary>
        public int Write(SampleRecord record, byte[] buffer, int offset, int count)
        {
            _w.Reset(buffer, offset, count);
            _w.Text("{\"temperature\":");
            Value(record, Channel.Temperature, 2);
            _w.Text(",\"humidity\":");
            Value(record, Channel.Humidity, 2);
            _w.Text(",\"pressure\":");
            Value(record, Channel.Pressure, 2);
            _w.Text(",\"vibration_rms\":");
            Value(record, Channel.VibrationRms, 3);
            _w.Text(",\"crest_factor\":");
            Value(record, Channel.CrestFactor, 3);
            _w.Text(record.AnomalyMask != 0 ? ",\"anomaly\":true" : ",\"anomaly\":false");
            _w.Text(",\"seq\":");
            _w.Integer(record.Sequence);
            _w.Text(",\"timestamp\":");
            if (record.UnixMilliseconds > 0)
            {
                _w.Integer(record.UnixMilliseconds);
            }
            else
            {
                _w.Text("null");
            }

            _w.Byte('}');
            return _w.Overflowed ? -_w.Length : _w.Length;
        }

        // Fixed-point units (Channel.cs) become the spec's display units by moving the decimal point:
        // centi-°C → °C, centi-% → %, Pa → hPa (2 places); milli-g → g, thousandths → ratio (3 places).
        private void Value(SampleRecord record, Channel channel, int decimals)
        {
            if (record.StatusOf(channel) != ReadingStatus.Ok)
            {
                _w.Text("null");
                return;
            }

            _w.Decimal(record.Get(channel), decimals);
        }
    }
}
