// Public surface of nanoFramework.Iot.Device.Dhtxx.Esp32 1.2.x (repo nanoframework/nanoFramework.IoT.Device,
// devices/Dhtxx.Esp32/Devices/Dht22.cs and DhtBase.cs). Namespace upper-case DHTxx as upstream. Only the
// members SensorNode uses; DhtBase's constructors are not used directly and are not declared.
using System;
using System.Device.Gpio;
using UnitsNet;

namespace Iot.Device.DHTxx.Esp32
{
    public abstract class DhtBase : IDisposable
    {
        internal DhtBase()
        {
        }

        public bool IsLastReadSuccessful
        {
            get { throw new NotImplementedException(); }
            internal set { throw new NotImplementedException(); }
        }

        public virtual Temperature Temperature
        {
            get { throw new NotImplementedException(); }
        }

        public virtual RelativeHumidity Humidity
        {
            get { throw new NotImplementedException(); }
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public class Dht22 : DhtBase
    {
        public Dht22(int pinEcho, int pinTrigger, PinNumberingScheme pinNumberingScheme = PinNumberingScheme.Logical, GpioController? gpioController = null, bool shouldDispose = true)
        {
            throw new NotImplementedException();
        }
    }
}
