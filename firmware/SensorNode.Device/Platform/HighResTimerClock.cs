using System;
using nanoFramework.Hardware.Esp32;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Platform
{
    /// <summary>
    /// <see cref="IClock"/> on the ESP32: monotonic time from the esp_timer microsecond counter (restarts at
    /// every boot, never jumps when SNTP sets the wall clock); wall-clock time from DateTime.UtcNow once it has
    /// been set (before that the RTC counts from 1970).
    /// </summary>
    public sealed class HighResTimerClock : IClock
    {
        private const long UnixEpochTicks = 621355968000000000L;
        private const int FirstPlausibleYear = 2024;

        /// <inheritdoc />
        public long MonotonicMilliseconds
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000UL); }
        }

        /// <inheritdoc />
        public bool TryGetUnixMilliseconds(out long unixMilliseconds)
        {
            DateTime now = DateTime.UtcNow;
            if (now.Year < FirstPlausibleYear)
            {
                unixMilliseconds = 0;
                return false;
            }

            unixMilliseconds = (now.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
            return true;
        }
    }
}
