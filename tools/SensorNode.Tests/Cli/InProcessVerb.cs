using System;
using System.IO;
using System.Text;
using System.Threading;

namespace SensorNode.Tests.Cli;

/// <summary>
/// One `sensornode` run in-process on its own thread (Program.Run with the CLI's stop token): after
/// <c>stopAfter</c> it is asked to stop, as Ctrl+C would ask a verb that runs until stopped (collect, monitor,
/// simulate). A run that has not ended <see cref="Grace"/> after that is reported as hung; the caller fails the
/// test, and the test never waits longer than that.
/// </summary>
internal sealed class InProcessVerb : IDisposable
{
    /// <summary>How long a verb may take to end once asked to stop (or to end by itself after its stop time).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(90);

    private readonly CancellationTokenSource _stop;
    private readonly Thread _thread;
    private readonly LockedWriter _stdout = new();
    private readonly LockedWriter _stderr = new();
    private readonly TimeSpan _stopAfter;
    private int _exitCode = int.MinValue;
    private Exception? _escaped;

    private InProcessVerb(string[] args, TimeSpan stopAfter)
    {
        Args = args;
        _stopAfter = stopAfter;
        _stop = new CancellationTokenSource(stopAfter);
        _thread = new Thread(() =>
        {
            try
            {
                _exitCode = SensorNode.Cli.Program.Run(args, _stdout, _stderr, _stop.Token);
            }
            catch (Exception ex)
            {
                _escaped = ex;
            }
        })
        { IsBackground = true, Name = "sensornode " + string.Join(' ', args) };
        _thread.Start();
    }

    public string[] Args { get; }

    public string Stdout => _stdout.Text;

    public string Stderr => _stderr.Text;

    /// <summary>Starts <c>sensornode ARGS</c>, asked to stop after <paramref name="stopAfter"/>.</summary>
    public static InProcessVerb Start(TimeSpan stopAfter, params string[] args) => new(args, stopAfter);

    /// <summary>
    /// Waits for the end: the exit code, or null when the verb did not end within <see cref="Grace"/> after its
    /// stop time (it is then left running on a background thread, stopped).
    /// </summary>
    public int? Wait()
    {
        if (!_thread.Join(_stopAfter + Grace))
        {
            return null;
        }

        if (_escaped != null)
        {
            throw new InvalidOperationException("an exception escaped Program.Run: " + _escaped);
        }

        return _exitCode;
    }

    /// <summary>Asks the verb to stop (a hung run keeps its token: it is not disposed under it).</summary>
    public void Dispose() => _stop.Cancel();

    /// <summary>A text writer safe to write from any thread and to read while it is written.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_text)
            {
                _text.Append(buffer, index, count);
            }
        }
    }
}
