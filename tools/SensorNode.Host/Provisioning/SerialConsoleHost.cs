using System;
using System.IO;
using System.Threading;
using SensorNode.Core;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>
/// Runs the core's <see cref="ProvisioningConsole"/> on a host serial device (a pseudo-terminal or a
/// USB-serial adapter), as the simulated node's provisioning UART. The entry point for
/// `sensornode simulate --serial DEV` is <see cref="RunUntilProvisioned"/>.
/// </summary>
public static class SerialConsoleHost
{
    /// <summary>How long the console keeps answering after a commit (for the host's read-back), in milliseconds of silence.</summary>
    public const int QuietAfterCommitMilliseconds = 5000;

    /// <summary>The identity a simulated node reports.</summary>
    public static DeviceIdentity SimulatedIdentity { get; } = new("sim-node", "simulator", FirmwareInfo.Version);

    /// <summary>
    /// Serves the console on device until a configuration is committed and the host has gone quiet (or
    /// asked for a reboot); returns the committed config. Returns at once when the store already holds one.
    /// Throws OperationCanceledException when cancelled and IOException when the device cannot be opened.
    /// </summary>
    public static NodeConfig RunUntilProvisioned(string device, IFileStore store, TextWriter log, CancellationToken cancellationToken)
    {
        var console = new ProvisioningConsole(store, SimulatedIdentity);
        if (console.IsProvisioned)
        {
            log.WriteLine($"provisioning: node already provisioned (config version {console.Committed.ConfigVersion})");
            return console.Committed;
        }

        using var link = new SerialPortLink(device);
        log.WriteLine($"provisioning: unprovisioned; console listening on {device}");
        Serve(link, console, log, cancellationToken, stopWhenProvisioned: true);
        return console.Committed;
    }

    /// <summary>
    /// Serves a console over a link until cancelled, the link closes, or (when asked) a commit is
    /// followed by quiet or a reboot request. Logs one line per state change, never a value.
    /// </summary>
    public static void Serve(ISerialLink link, ProvisioningConsole console, TextWriter log, CancellationToken cancellationToken, bool stopWhenProvisioned)
    {
        var clock = new SensorNode.Host.Simulation.SystemClock();
        var session = new ProvisioningSession(link, clock, console);
        int answered = 0;
        int commits = console.CommitCount;
        long lastActivity = clock.MonotonicMilliseconds;
        bool rebootLogged = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!session.Pump(100))
            {
                log.WriteLine("provisioning: serial link closed");
                return;
            }

            if (session.FramesAnswered != answered)
            {
                answered = session.FramesAnswered;
                lastActivity = clock.MonotonicMilliseconds;
            }

            if (console.CommitCount != commits)
            {
                commits = console.CommitCount;
                log.WriteLine(console.IsProvisioned
                    ? $"provisioning: committed config version {console.Committed.ConfigVersion} for node {console.Committed.NodeId}"
                    : "provisioning: factory reset; node is unprovisioned");
            }

            if (console.RebootRequested && !rebootLogged)
            {
                rebootLogged = true;
                log.WriteLine("provisioning: reboot requested");
                if (stopWhenProvisioned && console.IsProvisioned)
                {
                    return;
                }
            }

            if (stopWhenProvisioned && console.IsProvisioned && clock.MonotonicMilliseconds - lastActivity > QuietAfterCommitMilliseconds)
            {
                return;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
