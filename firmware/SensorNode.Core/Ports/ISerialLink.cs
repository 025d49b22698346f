namespace SensorNode.Core.Ports
{
    /// <summary>
    /// A byte pipe to a host: a UART on the device (COM2 by default), a serial device or pseudo-terminal on
    /// the host. Reads wait at most the given time; writes block until the bytes are handed to the driver.
    /// </summary>
    public interface ISerialLink
    {
        /// <summary>Reads up to count bytes, waiting at most timeoutMilliseconds; returns the bytes read, 0 on timeout, -1 when the link is closed.</summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Writes all count bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
