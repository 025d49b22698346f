using System;
using System.Device.I2c;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Bus
{
    /// <summary>
    /// <see cref="IRegisterBus"/> over nanoFramework's I2cDevice (System.Device.I2c 1.1.29): the only code that
    /// touches the accelerometer's I2cDevice. SpanByte slices caller-owned arrays, so nothing allocates per call.
    /// </summary>
    public sealed class I2cRegisterBus : IRegisterBus, IDisposable
    {
        private readonly I2cDevice _device;

        /// <summary>Opens the device at 7-bit <paramref name="address"/> on bus <paramref name="busId"/> (1 or 2) at 400 kHz.</summary>
        public I2cRegisterBus(int busId, int address)
        {
            _device = I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.FastMode));
        }

        /// <inheritdoc />
        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            try
            {
                return Map(_device.Write(new SpanByte(buffer, offset, count)));
            }
            catch (Exception)
            {
                return BusStatus.Failed;
            }
        }

        /// <inheritdoc />
        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Map(_device.Read(new SpanByte(buffer, offset, count)));
            }
            catch (Exception)
            {
                return BusStatus.Failed;
            }
        }

        /// <inheritdoc />
        public BusStatus WriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            try
            {
                return Map(_device.WriteRead(new SpanByte(writeBuffer, writeOffset, writeCount), new SpanByte(readBuffer, readOffset, readCount)));
            }
            catch (Exception)
            {
                return BusStatus.Failed;
            }
        }

        /// <summary>Releases the I2C device.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }

        private static BusStatus Map(I2cTransferResult result)
        {
            switch (result.Status)
            {
                case I2cTransferStatus.FullTransfer: return BusStatus.Ok;
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return BusStatus.NoAcknowledge;
                case I2cTransferStatus.PartialTransfer: return BusStatus.PartialTransfer;
                case I2cTransferStatus.ClockStretchTimeout: return BusStatus.Timeout;
                default: return BusStatus.Failed;
            }
        }
    }
}
