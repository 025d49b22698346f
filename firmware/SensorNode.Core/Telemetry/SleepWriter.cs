namespace SensorNode.Core.Telemetry
{
    /// <summary>Writes the retained &lt;base&gt;/sleep JSON (docs/spec/mqtt.md §3.2). Allocates nothing.</summary>
    public sealed class SleepWriter
    {
        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>
        /// Writes {"next_wake":..,"sleep_s":..}; next_wake is Unix ms UTC, or null when the clock is not set.
        /// Returns the length, or minus the bytes needed.
        /// </summary>
        public int Write(long nextWakeUnixMilliseconds, int sleepSeconds, byte[] buffer, int offset, int count)
        {
            _w.Reset(buffer, offset, count);
            _w.Text("{\"next_wake\":");
            if (nextWakeUnixMilliseconds > 0)
            {
                _w.Integer(nextWakeUnixMilliseconds);
            }
            else
            {
                _w.Text("null");
            }

            _w.Text(",\"sleep_s\":");
            _w.Integer(sleepSeconds);
            _w.Byte('}');
            return _w.Overflowed ? -_w.Length : _w.Length;
        }
    }
}
