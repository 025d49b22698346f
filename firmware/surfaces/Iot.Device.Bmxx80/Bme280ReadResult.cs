// Public surface of nanoFramework.Iot.Device.Bmxx80 1.2.931, devices/Bmxx80/ReadResult/Bmp280ReadResult.cs
// and Bme280ReadResult.cs. Only the members SensorNode uses.
using System;
using UnitsNet;

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bmp280ReadResult
    {
        internal Bmp280ReadResult()
        {
        }

        public Temperature Temperature
        {
            get { throw new NotImplementedException(); }
        }

        public bool TemperatureIsValid
        {
            get { throw new NotImplementedException(); }
        }

        public Pressure Pressure
        {
            get { throw new NotImplementedException(); }
        }

        public bool PressureIsValid
        {
            get { throw new NotImplementedException(); }
        }
    }

    public class Bme280ReadResult : Bmp280ReadResult
    {
        internal Bme280ReadResult()
        {
        }

        public RelativeHumidity Humidity
        {
            get { throw new NotImplementedException(); }
        }

        public bool HumidityIsValid
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }
    }
}
