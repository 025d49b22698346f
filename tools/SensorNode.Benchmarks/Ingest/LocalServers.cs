using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using Npgsql;

namespace SensorNode.Benchmarks.Ingest;

/// <summary>
/// The servers the ingest benchmark measures against: a plain Mosquitto and a PostgreSQL from Debian's package
/// (initdb in a temporary directory, free ports; as root via setpriv to the postgres user). Stopped on Dispose.
/// </summary>
internal sealed class LocalServers : IDisposable
{
    private readonly string _dir;
    private Process? _mosquitto;
    private Process? _postgres;

    public LocalServers()
    {
        _dir = Path.Combine(Path.GetTempPath(), "sensornode-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
    }

    public int MqttPort { get; private set; }

    public int? MosquittoPid => _mosquitto?.Id;

    /// <summary>CPU time of the PostgreSQL server: the postmaster, its live children and the children that ended.</summary>
    public TimeSpan PostgresCpu()
    {
        if (_postgres == null)
        {
            return TimeSpan.Zero;
        }

        TimeSpan total = TimeSpan.Zero;
        foreach (string dir in System.IO.Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                string[] f = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Trim().Split(' ');
                if (pid == _postgres.Id)
                {
                    total += TimeSpan.FromSeconds((long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14])) / 100.0);
                }
                else if (int.Parse(f[1]) == _postgres.Id)
                {
                    total += TimeSpan.FromSeconds((long.Parse(f[11]) + long.Parse(f[12])) / 100.0);
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }

        return total;
    }

    public string Directory0 => _dir;

    /// <summary>Mosquitto without TLS, no queue limit for the collector's session (storage.md §4.1).</summary>
    public void StartMosquitto()
    {
        MqttPort = FreePort();
        string conf = Path.Combine(_dir, "mosquitto.conf");
        File.WriteAllText(conf, string.Join("\n",
            geteuid() == 0 ? "user root" : "# not root",
            $"listener {MqttPort} 127.0.0.1", "allow_anonymous true", "persistence false",
            "max_queued_messages 0", "max_inflight_messages 0", "log_type error", string.Empty));
        _mosquitto = Process.Start(new ProcessStartInfo("mosquitto", $"-c \"{conf}\"") { UseShellExecute = false, RedirectStandardError = true })!;
        WaitForPort(MqttPort);
    }

    /// <summary>PostgreSQL with durable commits (fsync on): the same guarantee as SQLite's synchronous=FULL.</summary>
    public string StartPostgres()
    {
        string bin = System.IO.Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : -1)
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL not found under /usr/lib/postgresql/*/bin: apt-get install postgresql");
        string pg = Path.Combine(_dir, "pg");
        System.IO.Directory.CreateDirectory(pg);
        bool root = geteuid() == 0;
        if (root)
        {
            Run("chown", $"postgres:postgres \"{pg}\"");
        }

        string data = Path.Combine(pg, "data");
        int port = FreePort();
        Run(root ? "setpriv" : Path.Combine(bin, "initdb"), (root ? $"--reuid=postgres --regid=postgres --clear-groups -- \"{Path.Combine(bin, "initdb")}\" " : string.Empty) + $"-D \"{data}\" -U postgres -A trust -E UTF8");
        string args = $"-D \"{data}\" -p {port} -k \"{pg}\" -c listen_addresses=127.0.0.1 -c shared_buffers=128MB";
        _postgres = Process.Start(new ProcessStartInfo(root ? "setpriv" : Path.Combine(bin, "postgres"), (root ? $"--reuid=postgres --regid=postgres --clear-groups -- \"{Path.Combine(bin, "postgres")}\" " : string.Empty) + args)
        { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
        _postgres.ErrorDataReceived += (_, _) => { };
        _postgres.BeginErrorReadLine();
        string admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var c = new NpgsqlConnection(admin);
                c.Open();
                using var cmd = new NpgsqlCommand("CREATE DATABASE bench", c);
                cmd.ExecuteNonQuery();
                return $"postgres://postgres@127.0.0.1:{port}/bench";
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    public void Dispose()
    {
        foreach (Process? p in new[] { _postgres, _mosquitto })
        {
            if (p is { HasExited: false })
            {
                kill(p.Id, 2);
                if (!p.WaitForExit(20000))
                {
                    p.Kill(true);
                }
            }

            p?.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>CPU time (user + system) a process has used, from /proc.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        string[] f = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Trim().Split(' ');
        long ticks = long.Parse(f[11]) + long.Parse(f[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static void WaitForPort(int port)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void Run(string file, string args)
    {
        using Process p = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args}: {output}");
        }
    }

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc")]
    private static extern int kill(int pid, int sig);
}
