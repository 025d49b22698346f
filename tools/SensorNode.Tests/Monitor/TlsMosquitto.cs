using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace SensorNode.Tests.Monitor;

/// <summary>
/// A real Mosquitto with a plain listener and a TLS listener (server certificate for 127.0.0.1/localhost
/// signed by a throw-away CA made with openssl), in a unique temp dir; killed on dispose.
/// </summary>
internal sealed class TlsMosquitto : IDisposable
{
    private readonly Process _process;

    private TlsMosquitto(string dir, Process process, int plainPort, int tlsPort)
    {
        Dir = dir;
        _process = process;
        PlainPort = plainPort;
        TlsPort = tlsPort;
    }

    public string Dir { get; }

    public int PlainPort { get; }

    public int TlsPort { get; }

    public string CaPath => Path.Combine(Dir, "ca.pem");

    public static bool Available => File.Exists("/usr/sbin/mosquitto") && File.Exists("/usr/bin/openssl");

    public static TlsMosquitto Start()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sn-mon-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        OpenSsl(dir, "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=sn-test-ca -keyout ca.key -out ca.pem");
        OpenSsl(dir, "req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout server.key -out server.csr");
        File.WriteAllText(Path.Combine(dir, "san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        OpenSsl(dir, "x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.pem");
        foreach (string file in OperatingSystem.IsWindows() ? Array.Empty<string>() : Directory.GetFiles(dir))
        {
            // Mosquitto started as root drops to its own user, which must still read the key.
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        int plain = FreePort();
        int tls = FreePort();
        File.WriteAllText(Path.Combine(dir, "mosquitto.conf"),
            $"allow_anonymous true\npersistence false\nlistener {plain} 127.0.0.1\nlistener {tls} 127.0.0.1\n" +
            $"cafile {dir}/ca.pem\ncertfile {dir}/server.pem\nkeyfile {dir}/server.key\n");
        var psi = new ProcessStartInfo("/usr/sbin/mosquitto") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Path.Combine(dir, "mosquitto.conf"));
        Process process = Process.Start(psi)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var broker = new TlsMosquitto(dir, process, plain, tls);
        broker.WaitForPort(plain);
        broker.WaitForPort(tls);
        return broker;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10000);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(Dir, recursive: true);
        }
    }

    private void WaitForPort(int port)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void OpenSsl(string dir, string arguments)
    {
        var psi = new ProcessStartInfo("/usr/bin/openssl", arguments) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using Process p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(60000) || p.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {arguments} failed: {err}");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
