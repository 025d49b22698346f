// Public surface of nanoFramework.System.Device.I2c 1.1.29, System.Device.I2c/I2cConnectionSettings.cs and
// I2cBusSpeed.cs. Only members SensorNode uses.
using System;

namespace System.Device.I2c
{
    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress)
        {
            throw new NotImplementedException();
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            throw new NotImplementedException();
        }
    }

    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }
}
