// Public surface of nanoFramework.Hardware.Esp32 1.6.40, nanoFramework.Hardware.Esp32/Configuration.cs and
// DeviceTypePins.cs (repo nanoframework/nanoFramework.Hardware.Esp32). Only members SensorNode uses; enum
// values as upstream computes them (DeviceTypes.I2C = 2 * 0x10000, DeviceIndex = 0x100).
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            throw new NotImplementedException();
        }
    }

    public enum DeviceFunction
    {
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,
        I2C2_DATA = 0x20200,
        I2C2_CLOCK = 0x20201,
        COM2_TX = 0x30200,
        COM2_RX = 0x30201,
    }
}
