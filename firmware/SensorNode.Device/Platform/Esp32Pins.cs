using nanoFramework.Hardware.Esp32;
using SensorNode.Core.Board;

namespace SensorNode.Device.Platform
{
    /// <summary>
    /// Routes the board profile's I2C pins with Configuration.SetPinFunction, which must happen before the first
    /// I2cDevice is created (nanoFramework's defaults are GPIO 18/19 for I2C1, 25/26 for I2C2). The DHT22 pins
    /// need no routing: the binding opens them itself (RMT receive + GPIO).
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>
        /// COM2 receive GPIO for the provisioning console. Not UART2's usual GPIO16/17: on WROVER modules (the updatable
        /// reference board) those drive the PSRAM. GPIO32/33 are free general-purpose pins on WROOM and WROVER alike, and
        /// no sensor of the wiring table uses them (hardware/README.md).
        /// </summary>
        public const int ConsoleRxPin = 32;

        /// <summary>COM2 transmit GPIO for the provisioning console (see <see cref="ConsoleRxPin"/>).</summary>
        public const int ConsoleTxPin = 33;

        /// <summary>Routes COM2 to the console pins; must happen before the SerialPort is opened.</summary>
        public static void ApplyConsoleUart()
        {
            Configuration.SetPinFunction(ConsoleRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(ConsoleTxPin, DeviceFunction.COM2_TX);
        }

        /// <summary>Assigns SDA and SCL of the profile's I2C bus.</summary>
        public static void ApplyI2c(BoardProfile profile)
        {
            if (profile.I2cBus == 2)
            {
                Configuration.SetPinFunction(profile.I2cSdaPin, DeviceFunction.I2C2_DATA);
                Configuration.SetPinFunction(profile.I2cSclPin, DeviceFunction.I2C2_CLOCK);
            }
            else
            {
                Configuration.SetPinFunction(profile.I2cSdaPin, DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(profile.I2cSclPin, DeviceFunction.I2C1_CLOCK);
            }
        }
    }
}
