namespace SensorNode.Core.Ports
{
    /// <summary>
    /// A register-addressed device on a bus (one I2C address). Every call moves bytes between the device and
    /// caller-owned buffers and reports the outcome as a status; nothing allocates and nothing throws for
    /// bus faults. On the device an adapter over nanoFramework's I2cDevice; in tests a simulated bus.
    /// </summary>
    public interface IRegisterBus
    {
        /// <summary>Writes <paramref name="count"/> bytes (typically a register address followed by data).</summary>
        BusStatus Write(byte[] buffer, int offset, int count);

        /// <summary>Reads <paramref name="count"/> bytes from the device's current register pointer.</summary>
        BusStatus Read(byte[] buffer, int offset, int count);

        /// <summary>Writes then reads with a repeated start (typically: register address, then its contents).</summary>
        BusStatus WriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount);
    }
}
