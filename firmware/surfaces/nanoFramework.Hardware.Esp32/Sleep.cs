// Public surface of nanoFramework.Hardware.Esp32 1.6.40, nanoFramework.Hardware.Esp32/Sleep.cs (repo
// nanoframework/nanoFramework.Hardware.Esp32; reference nanoframework-api.md §6). Only the members SensorNode
// uses; WakeupCause is nested in Sleep with the values of v1.6.42.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Sleep
    {
        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1,
            Timer,
            TouchPad,
            Ulp,
            Gpio,
            Uart,
            Wifi,
            CoCpu,
            CoCpuTrapTrig,
            Bt,
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time)
        {
            throw new NotImplementedException();
        }

        public static void StartDeepSleep()
        {
            throw new NotImplementedException();
        }

        public static WakeupCause GetWakeupCause()
        {
            throw new NotImplementedException();
        }
    }
}
