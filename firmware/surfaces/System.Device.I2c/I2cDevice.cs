// Public surface of nanoFramework.System.Device.I2c 1.1.29, System.Device.I2c/I2cDevice.cs (shared
// reference/nanoframework-api.md §3; repo nanoframework/System.Device.I2c). Only members SensorNode uses.
using System;

namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        internal I2cDevice()
        {
        }

        public I2cTransferResult Read(SpanByte buffer)
        {
            throw new NotImplementedException();
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            throw new NotImplementedException();
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            throw new NotImplementedException();
        }

        public static I2cDevice Create(I2cConnectionSettings settings)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
