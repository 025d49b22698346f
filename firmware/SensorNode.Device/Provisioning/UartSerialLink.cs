using System.IO.Ports;
using System.Threading;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Provisioning
{
    /// <summary>
    /// <see cref="ISerialLink"/> on an ESP32 UART through System.IO.Ports. Defaults to COM2 at 115200 8N1,
    /// because UART0 (COM1, the USB port) carries nanoFramework's debug and deploy protocol. The composition
    /// root assigns COM2's RX/TX pins (Configuration.SetPinFunction) before constructing it.
    /// </summary>
    public sealed class UartSerialLink : ISerialLink
    {
        /// <summary>Default console UART.</summary>
        public const string DefaultPortName = "COM2";

        /// <summary>Default baud rate.</summary>
        public const int DefaultBaudRate = 115200;

        private const int PollMilliseconds = 5;
        private readonly SerialPort _port;

        /// <summary>Opens COM2 at 115200 baud.</summary>
        public UartSerialLink()
            : this(DefaultPortName, DefaultBaudRate)
        {
        }

        /// <summary>Opens the named UART ("COM2", "COM3") at 8N1.</summary>
        public UartSerialLink(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.ReadTimeout = 50;
            _port.Open();
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (!_port.IsOpen)
            {
                return -1;
            }

            // Upstream Read throws TimeoutException when nothing is buffered: wait for bytes instead.
            int waited = 0;
            while (_port.BytesToRead == 0)
            {
                if (waited >= timeoutMilliseconds)
                {
                    return 0;
                }

                Thread.Sleep(PollMilliseconds);
                waited += PollMilliseconds;
            }

            int available = _port.BytesToRead;
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }

        /// <summary>Closes the UART.</summary>
        public void Close()
        {
            _port.Dispose();
        }
    }
}
