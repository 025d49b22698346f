using System.Diagnostics;
using System.Text;

namespace SensorNode.NanoClr;

/// <summary>Runs a process to completion or a timeout (then kills its tree) and keeps its combined output.</summary>
internal sealed class ProcessResult
{
    private ProcessResult(int exitCode, bool timedOut, string output)
    {
        ExitCode = exitCode;
        TimedOut = timedOut;
        Output = output;
    }

    public int ExitCode { get; }

    public bool TimedOut { get; }

    public string Output { get; }

    public static ProcessResult Run(string file, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        ProcessStartInfo info = new(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        if (environment != null)
        {
            foreach (KeyValuePair<string, string> pair in environment)
            {
                info.Environment[pair.Key] = pair.Value;
            }
        }

        StringBuilder output = new();
        using Process process = new() { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit((int)timeout.TotalMilliseconds);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // exited between the timeout and the kill
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(exited ? process.ExitCode : -1, !exited, output.ToString());
        }
    }
}
