using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Npgsql;
using SensorNode.Tests.Mqtt;

namespace SensorNode.Tests.Storage;

/// <summary>
/// A real PostgreSQL server from Debian's package (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, newest version found):
/// initdb into a temporary directory, a free loopback port, its Unix socket in that directory, trust authentication.
/// As root, initdb and postgres run as the <c>postgres</c> user (setpriv), because PostgreSQL refuses to run as root.
/// Stopped (fast shutdown) and deleted on Dispose.
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly string _options;
    private Process? _process;

    private PostgresServer(string directory, bool durable)
    {
        Directory = directory;
        _bin = FindBin();
        _data = Path.Combine(directory, "data");
        Port = Mosquitto.FreePort();
        if (IsRoot)
        {
            Run("chown", $"postgres:postgres \"{directory}\"");
        }

        Run(AsPostgres(Path.Combine(_bin, "initdb")), $"-D \"{_data}\" -U postgres -A trust -E UTF8 --no-sync", AsPostgresArgs(Path.Combine(_bin, "initdb")));
        string options = $"-D \"{_data}\" -p {Port} -k \"{directory}\" -c listen_addresses=127.0.0.1 -c max_connections=40 -c shared_buffers=64MB" +
            (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        _options = options;
        _process = Start(Path.Combine(_bin, "postgres"), options);
        WaitUntilReady();
        using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        admin.Open();
        using var create = new NpgsqlCommand("CREATE DATABASE sensornode", admin);
        create.ExecuteNonQuery();
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>The collector's --db URL for the test database.</summary>
    public string Url => $"postgres://postgres@127.0.0.1:{Port}/sensornode";

    private static bool IsRoot => geteuid() == 0;

    /// <summary>Starts a server; fails the test with an install hint when the package is missing.</summary>
    public static PostgresServer Start(string purpose, bool durable = false)
    {
        if (FindBinOrNull() == null)
        {
            Assert.Fail("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql (CI's .ci/run does this)");
        }

        return new PostgresServer(Simulator.TempDirectory("pg-" + purpose), durable);
    }

    /// <summary>Creates a fresh empty database and returns its --db URL.</summary>
    public string CreateDatabase()
    {
        string name = "t_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        create.ExecuteNonQuery();
        return $"postgres://postgres@127.0.0.1:{Port}/{name}";
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    /// <summary>Fast shutdown (every connection is cut), then start again on the same port and data.</summary>
    public void Restart(TimeSpan down)
    {
        StopServer();
        Thread.Sleep(down);
        _process = Start(Path.Combine(_bin, "postgres"), _options);
        WaitUntilReady();
    }

    public void Dispose()
    {
        StopServer();
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }

    private void StopServer()
    {
        if (_process is { HasExited: false })
        {
            kill(_process.Id, 2); // SIGINT: fast shutdown
            if (!_process.WaitForExit(20000))
            {
                _process.Kill(true);
                _process.WaitForExit(10000);
            }
        }

        _process?.Dispose();
        _process = null;
    }

    private static string FindBin() => FindBinOrNull() ?? throw new InvalidOperationException("no PostgreSQL binaries");

    private static string? FindBinOrNull()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out int v) ? v : -1))
            .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "postgres")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    private static string AsPostgres(string program) => IsRoot ? "setpriv" : program;

    private static string AsPostgresArgs(string program) => IsRoot ? $"--reuid=postgres --regid=postgres --clear-groups -- \"{program}\" " : string.Empty;

    private static Process Start(string program, string args)
    {
        var info = new ProcessStartInfo(AsPostgres(program), AsPostgresArgs(program) + args) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        Process p = Process.Start(info) ?? throw new InvalidOperationException("cannot start postgres");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static void Run(string file, string args, string prefix = "")
    {
        using Process p = Process.Start(new ProcessStartInfo(file, prefix + args) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException(file);
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit(120000);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {prefix}{args}: exit {p.ExitCode}: {output}");
        }
    }

    private void WaitUntilReady()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with {_process.ExitCode}");
            }

            try
            {
                using var c = new NpgsqlConnection(ConnectionString("postgres"));
                c.Open();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or IOException)
            {
                last = ex;
                Thread.Sleep(200);
            }
        }

        throw new TimeoutException("postgres did not accept connections within 60 s: " + last?.Message);
    }

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
