using System;
using System.Threading;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Drivers;
using SensorNode.Core.Telemetry;
using SensorNode.Device.Commands;
using SensorNode.Device.Diagnostics;
using SensorNode.Device.Mqtt;
using SensorNode.Device.Network;
using SensorNode.Device.Platform;
using SensorNode.Device.Sensors;

namespace SensorNode.Device.Composition
{
    /// <summary>
    /// One wake of a deep-sleeping node: arm the awake watchdog, build sensors and the uplink, run one
    /// <see cref="WakeCycle"/>, which ends in deep sleep. Any exception while wiring is printed and the node
    /// still sleeps (PLATFORM.md §2); a hang anywhere is ended by the watchdog. Updates run inside the wake's radio
    /// deadline (<see cref="OtaWakeUplink"/>); the next wake is a reset, so the loader boots an installed image then.
    /// </summary>
    public static class DeepSleepNode
    {
        // Held in a static so the timer cannot be collected while the wake runs.
        private static AwakeWatchdog _watchdog;

        /// <summary>Runs the wake; on the device this never returns.</summary>
        public static void Run(NodeConfig config, BoardProfile profile, IFileStore store, IClock clock, Esp32SleepController platformSleep)
        {
            AwakeGuard guard = new AwakeGuard(clock, config.AwakeBudgetMilliseconds, config.SampleIntervalSeconds * 1000L);
            _watchdog = new AwakeWatchdog(guard, delegate { platformSleep.DeepSleep(guard.ForcedSleepMilliseconds()); });
            try
            {
                Adxl345 accelerometer;
                SensorSampler sensors = DeviceSensors.Create(config, profile, clock, new ThreadDelay(), out accelerometer);
                sensors.RetainFiltersIn(store); // averages and z-scores continue across deep sleep (signal-chain.md §8)
                Esp32WifiRadio wifi = new Esp32WifiRadio(config, clock, false);

                M2MqttLink link = MqttFactory.CreateLink(config, store);
                OtaAgent ota = DeviceOta.Create(config, store, new DeviceCommandHandler(null), new ConsoleSessionObserver(), clock);
                TelemetrySession session = MqttFactory.CreateSession(link, config, new ConfigCommandHandler(config, ota.Handler), clock, ota.Observer);
                ota.Attach(session);
                IUplink mqtt = new OtaWakeUplink(new MqttUplink(link, session, config, clock), session, ota, config, clock);
                WakeCycle cycle = new WakeCycle(config, clock, store, sensors, new DeviceUplink(wifi, mqtt), new GuardedSleep(platformSleep, guard));
                platformSleep.BeforeSleep = delegate
                {
                    if (accelerometer != null)
                    {
                        accelerometer.Standby();
                    }
                };
                cycle.Run();
            }
            catch (Exception ex)
            {
                Console.WriteLine("wake failed before the cycle could sleep: " + ex.Message);
            }

            // Only reached when the cycle could not sleep itself (wiring failed) or the watchdog already owns the end.
            if (guard.TryFinish())
            {
                platformSleep.DeepSleep(guard.ForcedSleepMilliseconds());
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
