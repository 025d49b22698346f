using System;
using System.Threading;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
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
    /// still sleeps (PLATFORM.md §2); a hang anywhere is ended by the watchdog.
    /// </summary>
    public static class DeepSleepNode
    {
        // Held in a static so the timer cannot be collected while the wake runs.
        private static AwakeWatchdog _watchdog;

        /// <summary>Runs the wake; on the device this never returns.</summary>
        public static void Run(NodeConfig config, BoardProfile profile, IFileStore store, IClock clock, Esp32SleepController platformSleep, IOtaBootHooks ota)
        {
            AwakeGuard guard = new AwakeGuard(clock, config.AwakeBudgetMilliseconds, config.SampleIntervalSeconds * 1000L);
            _watchdog = new AwakeWatchdog(guard, delegate { platformSleep.DeepSleep(guard.ForcedSleepMilliseconds()); });
            try
            {
                Adxl345 accelerometer;
                SensorSampler sensors = DeviceSensors.Create(config, profile, clock, new ThreadDelay(), out accelerometer);
                Esp32WifiRadio wifi = new Esp32WifiRadio(config, clock, false);

                M2MqttLink link = MqttFactory.CreateLink(config, store);
                TelemetrySession session = MqttFactory.CreateSession(link, config, new ConfigCommandHandler(config, new DeviceCommandHandler(null)), clock, new ConsoleSessionObserver());
                IUplink mqtt = new MqttUplink(link, session, config, clock);
                WakeCycle cycle = new WakeCycle(config, clock, store, sensors, new DeviceUplink(wifi, mqtt), new GuardedSleep(platformSleep, guard));
                platformSleep.BeforeSleep = delegate
                {
                    if (accelerometer != null)
                    {
                        accelerometer.Standby();
                    }

                    if (ota != null && cycle.Log.State.LastConnectStatus == UplinkStatus.Ok)
                    {
                        ota.OnHealthy();
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
