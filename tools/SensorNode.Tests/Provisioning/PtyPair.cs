using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SensorNode.Tests.Provisioning;

/// <summary>Two connected pseudo-terminals made by socat (raw, no echo); Dispose kills socat and removes the links.</summary>
internal sealed class PtyPair : IDisposable
{
    private readonly Process _socat;
    private readonly string _directory;

    public PtyPair()
    {
        _directory = Path.Combine(Path.GetTempPath(), "sn-pty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        NodeSide = Path.Combine(_directory, "node");
        HostSide = Path.Combine(_directory, "host");
        var start = new ProcessStartInfo("socat") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add($"pty,raw,echo=0,link={NodeSide}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={HostSide}");
        _socat = Process.Start(start) ?? throw new InvalidOperationException("cannot start socat");
        _socat.BeginErrorReadLine();
        _socat.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(File.Exists(NodeSide) && File.Exists(HostSide)))
        {
            if (DateTime.UtcNow > deadline || _socat.HasExited)
            {
                Dispose();
                throw new InvalidOperationException("socat did not create the pseudo-terminals (is socat installed?)");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>The device the simulated node's console opens.</summary>
    public string NodeSide { get; }

    /// <summary>The device the CLI opens.</summary>
    public string HostSide { get; }

    public void Dispose()
    {
        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill(entireProcessTree: true);
                _socat.WaitForExit(10000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _socat.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
