// Public surface of nanoFramework.System.Device.Gpio 1.1.62, System.Device.Gpio/GpioController.cs and
// PinNumberingScheme.cs (repo nanoframework/System.Device.Gpio). Only what the Dht22 constructor's
// signature needs.
using System;

namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        internal GpioController()
        {
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public enum PinNumberingScheme
    {
        Logical,
        Board,
    }
}
