using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace SensorNode.Tests.Ota;

/// <summary>
/// A minimal HTTP/1.1 file server on 127.0.0.1 (free port) that honours "Range: bytes=N-" and can drop
/// the connection in the middle of a body, for the end-to-end OTA tests.
/// </summary>
internal sealed class RangeHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly Thread _thread;
    private volatile bool _stopped;
    private int _dropAfter = -1;

    public RangeHttpServer()
    {
        _listener.Start();
        _thread = new Thread(Loop) { IsBackground = true, Name = "RangeHttpServer" };
        _thread.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Range offsets of the requests received, in order (0 = no Range header).</summary>
    public ConcurrentQueue<int> Offsets { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Serve(string path, byte[] body) => _files[path] = body;

    /// <summary>The next response sends only this many body bytes, then closes the connection.</summary>
    public void DropNextAfter(int bytes) => _dropAfter = bytes;

    public void Dispose()
    {
        _stopped = true;
        _listener.Stop();
        _thread.Join(TimeSpan.FromSeconds(10));
    }

    private void Loop()
    {
        while (!_stopped)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    Handle(client.GetStream());
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private void Handle(NetworkStream stream)
    {
        stream.ReadTimeout = 30_000;
        var lines = new List<string>();
        var line = new StringBuilder();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0)
            {
                return;
            }

            if (b == '\n')
            {
                string text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    break;
                }

                lines.Add(text);
            }
            else
            {
                line.Append((char)b);
            }
        }

        string path = lines[0].Split(' ')[1].TrimStart('/');
        int offset = 0;
        foreach (string h in lines)
        {
            if (h.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase))
            {
                offset = int.Parse(h.Substring(13).TrimEnd('-').Split('-')[0]);
            }
        }

        Offsets.Enqueue(offset);
        if (!_files.TryGetValue(path, out byte[]? body))
        {
            Write(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }

        if (offset >= body.Length && offset > 0)
        {
            Write(stream, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{body.Length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }

        int length = body.Length - offset;
        Write(stream, offset > 0
            ? $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {offset}-{body.Length - 1}/{body.Length}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n");
        int send = length;
        int drop = Interlocked.Exchange(ref _dropAfter, -1);
        if (drop >= 0 && drop < length)
        {
            send = drop;
        }

        stream.Write(body, offset, send);
        stream.Flush();
    }

    private static void Write(Stream stream, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }
}
