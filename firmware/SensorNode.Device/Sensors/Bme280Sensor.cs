using System;
using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Device.Sensors
{
    /// <summary>
    /// BME280 through Iot.Device.Bmxx80 over System.Device.I2c. The binding's constructor reads the chip id and
    /// throws when nothing (or another chip) answers: the sensor is then NotPresent for the whole boot.
    /// Oversampling ×1 on all three quantities in forced mode, the datasheet's "weather monitoring" setting
    /// (BST-BME280-DS002 §3.5.1): about 9.3 ms per measurement.
    /// </summary>
    public sealed class Bme280Sensor : IPressureSensor, IDisposable
    {
        private readonly Bme280 _bme;

        /// <summary>Opens the sensor at <paramref name="address"/> (0x76 or 0x77) on I2C bus <paramref name="busId"/>.</summary>
        public Bme280Sensor(int busId, int address)
        {
            I2cDevice device = null;
            try
            {
                device = I2cDevice.Create(new I2cConnectionSettings(busId, address));
                _bme = new Bme280(device);
                _bme.TemperatureSampling = Sampling.UltraLowPower;
                _bme.PressureSampling = Sampling.UltraLowPower;
                _bme.HumiditySampling = Sampling.UltraLowPower;
            }
            catch (Exception)
            {
                _bme = null;
                if (device != null)
                {
                    device.Dispose();
                }
            }
        }

        /// <inheritdoc />
        public ReadingStatus TryRead(out int temperatureCentiCelsius, out int pressurePascal, out int humidityCentiPercent)
        {
            temperatureCentiCelsius = 0;
            pressurePascal = 0;
            humidityCentiPercent = 0;
            if (_bme == null)
            {
                return ReadingStatus.NotPresent;
            }

            try
            {
                Bme280ReadResult result = _bme.Read();
                if (!result.TemperatureIsValid || !result.PressureIsValid || !result.HumidityIsValid)
                {
                    return ReadingStatus.ReadFailed;
                }

                temperatureCentiCelsius = FixedPoint.Scale(result.Temperature.DegreesCelsius, 100);
                pressurePascal = FixedPoint.Scale(result.Pressure.Pascals, 1);
                humidityCentiPercent = FixedPoint.Scale(result.Humidity.Percent, 100);
                return ReadingStatus.Ok;
            }
            catch (Exception)
            {
                return ReadingStatus.ReadFailed;
            }
        }

        /// <summary>Releases the I2C device.</summary>
        public void Dispose()
        {
            if (_bme != null)
            {
                _bme.Dispose();
            }
        }
    }
}
