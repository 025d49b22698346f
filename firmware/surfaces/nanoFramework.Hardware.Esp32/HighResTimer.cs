// Public surface of nanoFramework.Hardware.Esp32 1.6.40, nanoFramework.Hardware.Esp32/HighResTimer.cs.
// Only the member SensorNode uses.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class HighResTimer : IDisposable
    {
        internal HighResTimer()
        {
        }

        public static UInt64 GetCurrent()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
