using SensorNode.Core.Ports;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// Maps the ESP-IDF wake-up cause codes (esp_sleep_wakeup_cause_t, as nanoFramework's Sleep.WakeupCause
    /// numbers them) to <see cref="WakeCause"/>, so the ESP32 sleep adapter stays a cast and the mapping is tested.
    /// </summary>
    public static class WakeCauseCodes
    {
        /// <summary>ESP_SLEEP_WAKEUP_UNDEFINED: not a deep-sleep wake (power-on, reset button, brownout, software reset).</summary>
        public const int Undefined = 0;

        /// <summary>ESP_SLEEP_WAKEUP_EXT0: one RTC GPIO.</summary>
        public const int Ext0 = 2;

        /// <summary>ESP_SLEEP_WAKEUP_EXT1: a set of RTC GPIOs.</summary>
        public const int Ext1 = 3;

        /// <summary>ESP_SLEEP_WAKEUP_TIMER: the RTC timer.</summary>
        public const int Timer = 4;

        /// <summary>ESP_SLEEP_WAKEUP_TOUCHPAD.</summary>
        public const int TouchPad = 5;

        /// <summary>ESP_SLEEP_WAKEUP_GPIO (light sleep only on the ESP32).</summary>
        public const int Gpio = 7;

        /// <summary>Why this boot happened, from the platform's wake-up cause code; unknown codes (ULP, UART, Wi-Fi, co-processor) give Unknown.</summary>
        public static WakeCause FromEspSleepWakeup(int code)
        {
            switch (code)
            {
                case Undefined:
                    return WakeCause.PowerOn;
                case Timer:
                    return WakeCause.Timer;
                case Ext0:
                case Ext1:
                case TouchPad:
                case Gpio:
                    return WakeCause.External;
                default:
                    return WakeCause.Unknown;
            }
        }
    }
}
