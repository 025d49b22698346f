using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>Writes the &lt;base&gt;/ota JSON (docs/spec/mqtt.md §11) into a caller-owned buffer. Allocates nothing.</summary>
    public sealed class OtaReportWriter
    {
        /// <summary>"state" texts indexed by <see cref="OtaReportKind"/>.</summary>
        public static readonly string[] StateNames = { "downloading", "verifying", "trial", "confirmed", "rejected", "rolled_back", "failed" };

        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>
        /// Writes one report. <paramref name="percent"/> (-1 = unknown total), <paramref name="bytes"/> and
        /// <paramref name="totalBytes"/> (-1 = unknown) are written for downloading only; <paramref name="reason"/>
        /// for rejected, rolled_back and failed only. Returns the length, or minus the bytes needed.
        /// </summary>
        public int Write(OtaReportKind kind, string version, int percent, int bytes, int totalBytes, string reason, string running, byte[] buffer, int offset, int count)
        {
            _w.Reset(buffer, offset, count);
            int k = (int)kind;
            _w.Text("{\"state\":\"");
            _w.Text(StateNames[k >= 0 && k < StateNames.Length ? k : (int)OtaReportKind.Rejected]);
            _w.Text("\",\"version\":");
            _w.JsonString(version == null ? string.Empty : version);
            if (kind == OtaReportKind.Downloading)
            {
                _w.Text(",\"percent\":");
                Optional(percent);
                _w.Text(",\"bytes\":");
                _w.Integer(bytes);
                _w.Text(",\"total_bytes\":");
                Optional(totalBytes);
            }

            if (kind == OtaReportKind.Rejected || kind == OtaReportKind.RolledBack || kind == OtaReportKind.Failed)
            {
                _w.Text(",\"reason\":");
                _w.JsonString(reason == null ? "unknown" : reason);
            }

            _w.Text(",\"running\":");
            _w.JsonString(running == null ? string.Empty : running);
            _w.Byte('}');
            return _w.Overflowed ? -_w.Length : _w.Length;
        }

        private void Optional(int value)
        {
            if (value >= 0)
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
