using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using SensorNode.Tests.Mqtt;

namespace SensorNode.Tests.Storage;

/// <summary>`sensornode VERB ...` as a child process (`dotnet sensornode.dll`); <see cref="KillHard"/> is SIGKILL. Killed on Dispose.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public CliProcess(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Simulator.Dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("cannot start sensornode");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no cleanup, no DISCONNECT, whatever transaction was open is lost.</summary>
    public void KillHard()
    {
        _process.Kill(true);
        _process.WaitForExit(10000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }
}
