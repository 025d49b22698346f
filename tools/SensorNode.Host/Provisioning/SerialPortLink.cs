using System;
using System.IO;
using System.IO.Ports;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Provisioning;

/// <summary><see cref="ISerialLink"/> over System.IO.Ports (a USB-serial adapter, or a pseudo-terminal in tests).</summary>
public sealed class SerialPortLink : ISerialLink, IDisposable
{
    private readonly SerialPort _port;

    /// <summary>Opens the device at 8N1 and the given baud rate; throws IOException or UnauthorizedAccessException when it cannot.</summary>
    public SerialPortLink(string device, int baudRate = 115200)
    {
        _port = new SerialPort(device, baudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, ReadTimeout = 100, WriteTimeout = 5000 };
        _port.Open();
        _port.DiscardInBuffer();
    }

    public string Device => _port.PortName;

    public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
    {
        if (!_port.IsOpen)
        {
            return -1;
        }

        try
        {
            _port.ReadTimeout = Math.Max(1, timeoutMilliseconds);
            return _port.Read(buffer, offset, count);
        }
        catch (TimeoutException)
        {
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            return -1;
        }
    }

    public void Write(byte[] buffer, int offset, int count) => _port.Write(buffer, offset, count);

    public void Dispose() => _port.Dispose();
}
