using System;
using Iot.Device.DHTxx.Esp32;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using UnitsNet;

namespace SensorNode.Device.Sensors
{
    /// <summary>
    /// DHT22 through Iot.Device.Dhtxx.Esp32 (RMT-based; both pins wired to the data line). Every property get
    /// of the binding is a bus read unless the last read was under 1 s ago, in which case it returns the same
    /// frame: so Temperature then Humidity is one transaction. The binding reports handshake and checksum
    /// failures alike (IsLastReadSuccessful = false), so both become ReadFailed here.
    /// </summary>
    public sealed class Dht22Sensor : IHumidityTemperatureSensor, IDisposable
    {
        private readonly Dht22 _dht;

        /// <summary>Opens the sensor on RMT receive pin <paramref name="echoPin"/> and trigger pin <paramref name="triggerPin"/>.</summary>
        public Dht22Sensor(int echoPin, int triggerPin)
        {
            try
            {
                // The binding's constructor waits 1 s for the sensor to settle after power-up (AM2302 datasheet).
                _dht = new Dht22(echoPin, triggerPin);
            }
            catch (Exception)
            {
                _dht = null;
            }
        }

        /// <inheritdoc />
        public ReadingStatus TryRead(out int temperatureCentiCelsius, out int humidityCentiPercent)
        {
            temperatureCentiCelsius = 0;
            humidityCentiPercent = 0;
            if (_dht == null)
            {
                return ReadingStatus.NotPresent;
            }

            try
            {
                // Check IsLastReadSuccessful before touching the value: a failed read returns default(T),
                // whose unit is undefined.
                Temperature temperature = _dht.Temperature;
                if (!_dht.IsLastReadSuccessful)
                {
                    return ReadingStatus.ReadFailed;
                }

                RelativeHumidity humidity = _dht.Humidity;
                if (!_dht.IsLastReadSuccessful)
                {
                    return ReadingStatus.ReadFailed;
                }

                temperatureCentiCelsius = FixedPoint.Scale(temperature.DegreesCelsius, 100);
                humidityCentiPercent = FixedPoint.Scale(humidity.Percent, 100);
                return ReadingStatus.Ok;
            }
            catch (Exception)
            {
                return ReadingStatus.ReadFailed;
            }
        }

        /// <summary>Releases the RMT channel and GPIO.</summary>
        public void Dispose()
        {
            if (_dht != null)
            {
                _dht.Dispose();
            }
        }
    }
}
