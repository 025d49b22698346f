using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;
using SensorNode.Host.Provisioning;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// A fake node on the node side of a <see cref="PtyPair"/> (issue 17 item 5): a real console works out the
/// honest reply to each request, and a script returns the reply that is actually sent: the honest one, a
/// hostile one, null for silence, or <see cref="Flood"/> to send endless bytes from then on.
/// </summary>
internal sealed class HostileNode : IDisposable
{
    /// <summary>Returned by a script: stop answering and write bytes without end.</summary>
    public static readonly byte[] Flood = new byte[1];

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;

    /// <param name="device">The pty's node side.</param>
    /// <param name="console">Works out the honest replies.</param>
    /// <param name="script">(request message, honest reply message) → reply message to send.</param>
    public HostileNode(string device, ProvisioningConsole console, Func<byte[], byte[], byte[]?> script)
    {
        var link = new SerialPortLink(device);
        _task = Task.Run(() =>
        {
            using (link)
            {
                Serve(link, console, script);
            }
        });
    }

    /// <summary>Requests the node received.</summary>
    public int RequestsSeen { get; private set; }

    /// <summary>A console whose store holds a committed configuration (no TLS, no files) for greenhouse-1.</summary>
    public static ProvisioningConsole Provisioned()
    {
        var console = new ProvisioningConsole(new SimulatedFileStore(), Fixtures.Identity);
        var config = new NodeConfig { NodeId = "greenhouse-1", WifiSsid = "Greenhouse", WifiPassword = Fixtures.WifiPassword, BrokerHost = "broker.local", BrokerPort = 1883, UseTls = false };
        var response = new byte[ProvisioningLimits.MaxMessageBytes];
        foreach (byte[] body in Requests.SetConfigBodies(config))
        {
            byte[] request = Requests.Build(ProvisioningCommand.SetConfig, 1, body);
            console.Handle(request, request.Length, response);
        }

        byte[] commit = Requests.Build(ProvisioningCommand.Commit, 2, default);
        console.Handle(commit, commit.Length, response);
        if (!console.IsProvisioned)
        {
            throw new InvalidOperationException("the fixture configuration did not commit");
        }

        return console;
    }

    /// <summary>The request type of a request message.</summary>
    public static ProvisioningCommand TypeOf(byte[] request) => (ProvisioningCommand)request[1];

    public void Dispose()
    {
        _stop.Cancel();
        _task.Wait(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }

    private void Serve(SerialPortLink link, ProvisioningConsole console, Func<byte[], byte[], byte[]?> script)
    {
        var decoder = new FrameDecoder(new SensorNode.Host.Simulation.SystemClock());
        var rx = new byte[256];
        var honest = new byte[ProvisioningLimits.MaxMessageBytes];
        var tx = new byte[ProvisioningLimits.MaxEncodedBytes];
        while (!_stop.IsCancellationRequested)
        {
            int n = link.Read(rx, 0, rx.Length, 100);
            if (n < 0)
            {
                return;
            }

            for (int i = 0; i < n; i++)
            {
                if (decoder.Feed(rx[i]) != FrameStatus.Ready)
                {
                    continue;
                }

                byte[] request = decoder.Buffer.AsSpan(0, decoder.MessageLength).ToArray();
                RequestsSeen++;
                int length = console.Handle(request, request.Length, honest);
                byte[]? reply = length > 0 ? script(request, honest.AsSpan(0, length).ToArray()) : null;
                if (ReferenceEquals(reply, Flood))
                {
                    FloodUntilStopped(link);
                    return;
                }

                if (reply != null)
                {
                    int wire = FrameEncoder.Encode(reply, 0, reply.Length, tx, 0);
                    link.Write(tx, 0, wire);
                }
            }
        }
    }

    /// <summary>Random non-zero bytes (never a frame delimiter), without end.</summary>
    private void FloodUntilStopped(SerialPortLink link)
    {
        var noise = new byte[4096];
        new Random(17).NextBytes(noise);
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] |= 1;
        }

        while (!_stop.IsCancellationRequested)
        {
            try
            {
                link.Write(noise, 0, noise.Length);
            }
            catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
            {
                // The host stopped reading or closed the port; keep trying until the test ends.
                Thread.Sleep(50);
            }
        }
    }
}
