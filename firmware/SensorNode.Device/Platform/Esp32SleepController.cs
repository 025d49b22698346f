using System;
using nanoFramework.Hardware.Esp32;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Platform
{
    /// <summary>
    /// <see cref="ISleepController"/> on the ESP32: the wake cause comes from Sleep.GetWakeupCause (mapped by
    /// <see cref="WakeCauseCodes"/>), and <see cref="DeepSleep"/> arms the RTC timer and calls StartDeepSleep,
    /// which never returns (the chip resets on wake). Before sleeping it runs the optional hook (sensor standby).
    /// </summary>
    public sealed class Esp32SleepController : ISleepController
    {
        private readonly WakeCause _cause;

        /// <summary>Reads the wake cause once, at boot.</summary>
        public Esp32SleepController()
        {
            _cause = WakeCauseCodes.FromEspSleepWakeup((int)Sleep.GetWakeupCause());
        }

        /// <summary>Called just before deep sleep (e.g. ADXL345 standby); exceptions from it are ignored.</summary>
        public SleepHook BeforeSleep;

        /// <inheritdoc />
        public WakeCause WakeCause
        {
            get { return _cause; }
        }

        /// <inheritdoc />
        public void DeepSleep(long milliseconds)
        {
            SleepHook hook = BeforeSleep;
            if (hook != null)
            {
                try
                {
                    hook();
                }
                catch (Exception)
                {
                    // Sleeping matters more than a sensor's standby: a battery node must never stay awake here.
                }
            }

            Sleep.EnableWakeupByTimer(new TimeSpan((milliseconds < 1 ? 1 : milliseconds) * TimeSpan.TicksPerMillisecond));
            Sleep.StartDeepSleep();
        }
    }
}
