using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Ota;

/// <summary>Writes each OTA report as one readable line (the simulator's live log).</summary>
public sealed class LogOtaReporter : IOtaReporter
{
    private readonly TextWriter _log;

    /// <summary>Logs to <paramref name="log"/>.</summary>
    public LogOtaReporter(TextWriter log) => _log = log;

    /// <inheritdoc />
    public void Downloading(string version, int percent, int bytes, int totalBytes) =>
        _log.WriteLine(percent >= 0 ? $"  ota: downloading {version}: {percent}% ({bytes}/{totalBytes} bytes)" : $"  ota: downloading {version}: {bytes} bytes");

    /// <inheritdoc />
    public void Verifying(string version) => _log.WriteLine($"  ota: verifying {version}");

    /// <inheritdoc />
    public void Trial(string version) => _log.WriteLine($"  ota: running {version} on trial");

    /// <inheritdoc />
    public void Confirmed(string version) => _log.WriteLine($"  ota: {version} confirmed");

    /// <inheritdoc />
    public void Rejected(string version, string reason) => _log.WriteLine($"  ota: {version} rejected: {reason}");

    /// <inheritdoc />
    public void Failed(string version, string reason) => _log.WriteLine($"  ota: {version} failed: {reason}");

    /// <inheritdoc />
    public void RolledBack(string version, string reason) => _log.WriteLine($"  ota: rolled back from {version}: {reason}");
}
