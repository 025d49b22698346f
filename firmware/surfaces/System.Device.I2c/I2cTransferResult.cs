// Public surface of nanoFramework.System.Device.I2c 1.1.29, System.Device.I2c/I2cTransferResult.cs and
// I2cTransferStatus.cs. Only members SensorNode uses.
using System;

namespace System.Device.I2c
{
    public struct I2cTransferResult
    {
        public I2cTransferStatus Status
        {
            get { throw new NotImplementedException(); }
        }
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
