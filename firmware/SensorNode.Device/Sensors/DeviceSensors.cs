using System;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Drivers;
using SensorNode.Device.Bus;
using SensorNode.Device.Platform;

namespace SensorNode.Device.Sensors
{
    /// <summary>
    /// Wires the real sensors of a board into the core's <see cref="SensorSampler"/>. A sensor the profile does
    /// not list, that does not answer, or whose configuration is invalid is passed as absent, so its channels
    /// read NotPresent while the others keep working.
    /// </summary>
    public static class DeviceSensors
    {
        /// <summary>
        /// Routes the pins, opens every fitted sensor and returns the node's sample source; the accelerometer (or
        /// null) is handed out so the composition root can put it in standby before deep sleep.
        /// </summary>
        public static SensorSampler Create(NodeConfig config, BoardProfile profile, IClock clock, IDelay delay, out Adxl345 accelerometer)
        {
            Esp32Pins.ApplyI2c(profile);
            Dht22Sensor dht22 = profile.HasDht22 ? new Dht22Sensor(profile.Dht22EchoPin, profile.Dht22TriggerPin) : null;
            Bme280Sensor bme280 = new Bme280Sensor(profile.I2cBus, config.Bme280Address);
            accelerometer = CreateAccelerometer(config, profile);
            return new SensorSampler(config, clock, delay, dht22, bme280, accelerometer);
        }

        private static Adxl345 CreateAccelerometer(NodeConfig config, BoardProfile profile)
        {
            if (!profile.HasAdxl345 || Adxl345.RateCode(config.AccelRateHertz) < 0 || Adxl345.RangeCode(config.AccelRangeG) < 0)
            {
                return null;
            }

            try
            {
                Adxl345 accelerometer = new Adxl345(new I2cRegisterBus(profile.I2cBus, profile.Adxl345Address), config.AccelRateHertz, config.AccelRangeG, profile.Adxl345Axis);

                // A failure here is not final: ReadBurst initializes again on every sample until it succeeds.
                accelerometer.Initialize();
                return accelerometer;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
