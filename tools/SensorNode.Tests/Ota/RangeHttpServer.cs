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
/// the connection in the middle of a body, for the end-to-end OTA tests. As a hostile peer (issue 17) it
/// can also keep sending after the body (<see cref="OverSend"/>) or stall mid-body (<see cref="StallAfter"/>).
/// Each connection gets its own thread, so a stalled one does not block the next request.
/// </summary>
internal sealed class RangeHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly Thread _thread;
    private volatile bool _stopped;
    private int _dropAfter = -1;
    private long _bytesSent;

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

    /// <summary>Hostile: every response omits Content-Length and, after the body, sends junk until the client hangs up.</summary>
    public bool OverSend { get; set; }

    /// <summary>Hostile: when &gt;= 0, every response sends its headers and this many body bytes, then holds the connection open in silence.</summary>
    public int StallAfter { get; set; } = -1;

    /// <summary>Hostile: when set, every 200 response announces this Content-Length (and sends the body plus junk up to it).</summary>
    public long? AnnounceLength { get; set; }

    /// <summary>Body and junk bytes written to clients so far.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

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

            new Thread(() => Serve(client)) { IsBackground = true, Name = "RangeHttpServer connection" }.Start();
        }
    }

    private void Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                Handle(client.GetStream());
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
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
        if (OverSend || AnnounceLength != null)
        {
            Hostile(stream, body, offset);
            return;
        }

        Write(stream, offset > 0
            ? $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {offset}-{body.Length - 1}/{body.Length}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n");
        if (StallAfter >= 0)
        {
            int first = Math.Min(StallAfter, length);
            stream.Write(body, offset, first);
            stream.Flush();
            Interlocked.Add(ref _bytesSent, first);
            while (!_stopped && !ClientGone(stream))
            {
                Thread.Sleep(50); // silence, connection kept open
            }

            return;
        }

        int send = length;
        int drop = Interlocked.Exchange(ref _dropAfter, -1);
        if (drop >= 0 && drop < length)
        {
            send = drop;
        }

        stream.Write(body, offset, send);
        stream.Flush();
        Interlocked.Add(ref _bytesSent, send);
    }

    // Ignores ranges: the whole body, then junk, without (or with a lying) Content-Length, until the client hangs up.
    private void Hostile(NetworkStream stream, byte[] body, int offset)
    {
        Write(stream, AnnounceLength is long announced
            ? $"HTTP/1.1 200 OK\r\nContent-Length: {announced}\r\nConnection: close\r\n\r\n"
            : "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
        stream.Write(body, 0, body.Length);
        Interlocked.Add(ref _bytesSent, body.Length);
        long left = AnnounceLength is long limit ? limit - body.Length : long.MaxValue;
        byte[] junk = new byte[4096];
        Array.Fill(junk, (byte)0x5A);
        while (!_stopped && left > 0)
        {
            int n = (int)Math.Min(junk.Length, left);
            stream.Write(junk, 0, n);
            Interlocked.Add(ref _bytesSent, n);
            left -= n;
        }
    }

    private static bool ClientGone(NetworkStream stream)
    {
        try
        {
            return stream.Socket.Poll(0, SelectMode.SelectRead) && stream.Socket.Available == 0;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static void Write(Stream stream, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }
}
