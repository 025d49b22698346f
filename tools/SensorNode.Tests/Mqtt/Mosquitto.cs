using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// A real Mosquitto 2 on a free loopback port with a TLS listener, a password file and the per-node
/// ACL shipped in docs/mosquitto/acl. Killed on Dispose.
/// </summary>
internal sealed class Mosquitto : IDisposable
{
    public const string Password = "s3cret-pass";

    private readonly string _conf;
    private Process? _process;

    public Mosquitto(string directory, TestPki pki, bool expiredServerCertificate = false, bool requireClientCertificate = false)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        Port = FreePort();
        string passwd = Path.Combine(directory, "passwd");
        foreach (string user in new[] { "node1", "node2", "node3", "node4", "node5", "node6", "node7", "node8", "watcher", "collector" })
        {
            Run("mosquitto_passwd", "-b " + (File.Exists(passwd) ? string.Empty : "-c ") + $"\"{passwd}\" {user} {Password}");
        }

        string acl = Path.Combine(directory, "acl");
        File.Copy(Repo.Path("docs", "mosquitto", "acl"), acl);
        File.AppendAllText(acl, "\n# test consumer\nuser watcher\ntopic read #\ntopic write sensornode/+/cmd\n");
        _conf = Path.Combine(directory, "mosquitto.conf");
        File.WriteAllText(_conf, string.Join("\n",
            Environment.UserName == "root" ? "user root" : "# not root: no user switch",
            "per_listener_settings false",
            "allow_anonymous false",
            $"password_file {passwd}",
            $"acl_file {acl}",
            "persistence true",
            $"persistence_location {directory}/",
            $"log_dest file {Path.Combine(directory, "mosquitto.log")}",
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_type information",
            $"listener {Port} 127.0.0.1",
            $"cafile {pki.CaFile}",
            $"certfile {(expiredServerCertificate ? pki.ExpiredServerCertFile : pki.ServerCertFile)}",
            $"keyfile {(expiredServerCertificate ? pki.ExpiredServerKeyFile : pki.ServerKeyFile)}",
            $"require_certificate {(requireClientCertificate ? "true" : "false")}",
            "tls_version tlsv1.2",
            string.Empty));
        Start();
    }

    public string Directory { get; }

    public int Port { get; }

    public string Url => $"mqtts://127.0.0.1:{Port}";

    public string Log => File.Exists(Path.Combine(Directory, "mosquitto.log")) ? File.ReadAllText(Path.Combine(Directory, "mosquitto.log")) : string.Empty;

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo("mosquitto", $"-c \"{_conf}\"") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("cannot start mosquitto");
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("mosquitto exited: " + _process.StandardError.ReadToEnd() + Log);
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("mosquitto did not listen within 30 s: " + Log);
    }

    /// <summary>Graceful stop (SIGTERM: Mosquitto saves its persistent sessions), then wait.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            kill(_process.Id, 15);
            if (!_process.WaitForExit(20000))
            {
                _process.Kill(true);
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(true);
            _process.WaitForExit(10000);
        }

        _process?.Dispose();
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string file, string args)
    {
        using Process p = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardError = true }) ?? throw new InvalidOperationException(file);
        p.WaitForExit(30000);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args}: {p.StandardError.ReadToEnd()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
