// Public surface of nanoFramework.Iot.Device.Bmxx80 1.2.931 (repo nanoframework/nanoFramework.IoT.Device,
// devices/Bmxx80: Bme280.cs, Bmx280Base.cs, Bmxx80Base.cs, Sampling.cs). Only the members SensorNode uses;
// the base classes' constructors (protected, taking the chip id) are not used directly and are not declared.
using System;
using System.Device.I2c;
using Iot.Device.Bmxx80.ReadResult;

namespace Iot.Device.Bmxx80
{
    public abstract class Bmxx80Base : IDisposable
    {
        internal Bmxx80Base()
        {
        }

        public Sampling PressureSampling
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public Sampling TemperatureSampling
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public abstract class Bmx280Base : Bmxx80Base
    {
        internal Bmx280Base()
        {
        }
    }

    public class Bme280 : Bmx280Base
    {
        public Bme280(I2cDevice i2cDevice)
        {
            throw new NotImplementedException();
        }

        public Sampling HumiditySampling
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public Bme280ReadResult Read()
        {
            throw new NotImplementedException();
        }
    }

    public enum Sampling : byte
    {
        Skipped = 0b000,
        UltraLowPower = 0b001,
        LowPower = 0b010,
        Standard = 0b011,
        HighResolution = 0b100,
        UltraHighResolution = 0b101,
    }
}
