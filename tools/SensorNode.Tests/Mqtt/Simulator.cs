using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SensorNode.Tests.Mqtt;

/// <summary>`sensornode simulate` as a child process (`dotnet sensornode.dll simulate ...`), killed on Dispose.</summary>
internal sealed class Simulator : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public Simulator(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        info.ArgumentList.Add("simulate");
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the simulator");
        _process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dll => Repo.Path("tools", "SensorNode.Cli", "bin", Repo.Configuration, "net10.0", "sensornode.dll");

    public int Id => _process.Id;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>Waits for exit (safety limit) and returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException($"the simulator did not exit within {timeout.TotalSeconds} s\n{Stdout}\n{Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void KillHard() => _process.Kill(true);

    /// <summary>SIGTERM: the simulator stops gracefully (publishes offline, keeps unpublished readings).</summary>
    public void Terminate() => kill(_process.Id, 15);

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            _process.WaitForExit(10000);
        }

        _process.Dispose();
    }

    /// <summary>A new empty temporary directory.</summary>
    public static string TempDirectory(string tag)
    {
        string dir = Path.Combine(Path.GetTempPath(), "sensornode-" + tag + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
