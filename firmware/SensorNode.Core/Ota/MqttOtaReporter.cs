using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Publishes the updater's reports on &lt;base&gt;/ota (docs/spec/mqtt.md §11), retained, QoS 1, through
    /// the session. A report that could not be sent (not online) is kept, last one wins, and goes out on
    /// <see cref="Flush"/>. One buffer, allocated here; a report allocates nothing. The session is
    /// attached after construction because the session's command handler needs the updater, which needs
    /// this reporter.
    /// </summary>
    public sealed class MqttOtaReporter : IOtaReporter
    {
        /// <summary>Size of the report buffer, bytes (a report with a 32-character version and reason needs about 160).</summary>
        public const int BufferBytes = 256;

        private readonly IOtaReporter _next;
        private TelemetrySession _session;
        private readonly OtaReportWriter _writer = new OtaReportWriter();
        private readonly byte[] _buffer = new byte[BufferBytes];
        private int _unsent;

        /// <summary>Creates the reporter; <paramref name="running"/> is the version booted; <paramref name="next"/> (may be null) also gets every report.</summary>
        public MqttOtaReporter(string running, IOtaReporter next)
        {
            RunningVersion = running;
            _next = next;
        }

        /// <summary>Publishes through <paramref name="session"/> from now on (reports before this are kept for <see cref="Flush"/>).</summary>
        public void Attach(TelemetrySession session)
        {
            _session = session;
        }

        /// <summary>Version of the image the node runs now, written as "running" in every report.</summary>
        public string RunningVersion { get; set; }

        /// <summary>Kind of the last report.</summary>
        public OtaReportKind LastKind { get; private set; }

        /// <summary>True while a report waits for the session to be online.</summary>
        public bool HasUnsent
        {
            get { return _unsent > 0; }
        }

        /// <summary>Sends the kept report, if any; true when nothing is left unsent.</summary>
        public bool Flush()
        {
            if (_unsent > 0 && _session != null && _session.PublishOta(_buffer, _unsent) == MqttLinkStatus.Ok)
            {
                _unsent = 0;
            }

            return _unsent == 0;
        }

        /// <inheritdoc />
        public void Downloading(string version, int percent, int bytes, int totalBytes)
        {
            Publish(OtaReportKind.Downloading, version, percent, bytes, totalBytes, null);
            if (_next != null)
            {
                _next.Downloading(version, percent, bytes, totalBytes);
            }
        }

        /// <inheritdoc />
        public void Verifying(string version)
        {
            Publish(OtaReportKind.Verifying, version, -1, 0, -1, null);
            if (_next != null)
            {
                _next.Verifying(version);
            }
        }

        /// <inheritdoc />
        public void Trial(string version)
        {
            Publish(OtaReportKind.Trial, version, -1, 0, -1, null);
            if (_next != null)
            {
                _next.Trial(version);
            }
        }

        /// <inheritdoc />
        public void Confirmed(string version)
        {
            Publish(OtaReportKind.Confirmed, version, -1, 0, -1, null);
            if (_next != null)
            {
                _next.Confirmed(version);
            }
        }

        /// <inheritdoc />
        public void Rejected(string version, string reason)
        {
            Publish(OtaReportKind.Rejected, version, -1, 0, -1, reason);
            if (_next != null)
            {
                _next.Rejected(version, reason);
            }
        }

        /// <inheritdoc />
        public void Failed(string version, string reason)
        {
            Publish(OtaReportKind.Failed, version, -1, 0, -1, reason);
            if (_next != null)
            {
                _next.Failed(version, reason);
            }
        }

        /// <inheritdoc />
        public void RolledBack(string version, string reason)
        {
            Publish(OtaReportKind.RolledBack, version, -1, 0, -1, reason);
            if (_next != null)
            {
                _next.RolledBack(version, reason);
            }
        }

        private void Publish(OtaReportKind kind, string version, int percent, int bytes, int totalBytes, string reason)
        {
            LastKind = kind;
            int length = _writer.Write(kind, version, percent, bytes, totalBytes, reason, RunningVersion, _buffer, 0, _buffer.Length);
            if (length <= 0)
            {
                _unsent = 0;
                return;
            }

            _unsent = length;
            Flush();
        }
    }
}
