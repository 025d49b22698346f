using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SensorNode.Core.Provisioning;
using SensorNode.Host.Provisioning;
using SensorNode.Host.Storage;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// The simulated node's provisioning console (SerialConsoleHost over the core's ProvisioningConsole) serving one
/// side of a pseudo-terminal pair on its own task, with its flash in a folder; ends at Dispose or after a hard limit.
/// </summary>
internal sealed class SimulatedConsoleNode : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly CancellationTokenSource _stop = new(Limit);
    private readonly Task _serving;

    public SimulatedConsoleNode(string nodeSidePort, string flashFolder)
    {
        Store = new DirectoryFileStore(flashFolder);
        var console = new ProvisioningConsole(Store, Fixtures.Identity);
        _serving = Task.Run(() =>
        {
            using var link = new SerialPortLink(nodeSidePort);
            try
            {
                SerialConsoleHost.Serve(link, console, TextWriter.Null, _stop.Token, stopWhenProvisioned: false);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>The node's flash.</summary>
    public DirectoryFileStore Store { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _serving.Wait(Limit);
        _stop.Dispose();
    }
}
