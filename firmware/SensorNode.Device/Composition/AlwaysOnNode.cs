using System;
using System.Threading;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;
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
    /// A mains-powered node: Wi-Fi with automatic reconnection, the M2Mqtt link and the <see cref="AlwaysOnRunner"/>
    /// stepped about once a second (commands are answered within a second). Config commands are committed to
    /// flash; a reboot command reboots after its result is published. The watchdog reboots the node when one
    /// step hangs for a whole <see cref="StallMilliseconds"/>. Updates (<see cref="DeviceOta"/>): an accepted order
    /// downloads <see cref="OtaStepBytes"/> per loop step, the node reboots into an installed image, and a trial
    /// that never passes its health check reboots so the loader can count it.
    /// </summary>
    public static class AlwaysOnNode
    {
        /// <summary>Longest one loop step may take before the watchdog reboots the node, in milliseconds.</summary>
        public const int StallMilliseconds = 120000;

        /// <summary>Time between Wi-Fi attempts while the network is down, in milliseconds.</summary>
        public const int WifiRetryMilliseconds = 30000;

        /// <summary>Bytes an update fetches per loop step (the loop keeps sampling and answering between steps).</summary>
        public const int OtaStepBytes = 16384;

        /// <summary>Time an update downloads per loop step before the loop samples again (a stalled read adds at most one read deadline).</summary>
        public const int OtaStepMilliseconds = 500;

        /// <summary>Readings kept while the broker is unreachable (the oldest go first beyond this).</summary>
        public const int PendingCapacityReadings = 64;

        private const int StepMilliseconds = 1000;

        // Held in a static so the timer cannot be collected while the loop runs.
        private static AwakeWatchdog _watchdog;

        /// <summary>Runs forever; returns only by rebooting the device.</summary>
        public static void Run(NodeConfig config, BoardProfile profile, IFileStore store, IClock clock, WakeCause cause)
        {
            AwakeGuard guard = new AwakeGuard(clock, StallMilliseconds, config.SampleIntervalSeconds * 1000L);
            _watchdog = new AwakeWatchdog(guard, delegate { DeviceReboot.Now(); });
            Adxl345 accelerometer;
            SensorSampler sensors = DeviceSensors.Create(config, profile, clock, new ThreadDelay(), out accelerometer);
            Esp32WifiRadio wifi = new Esp32WifiRadio(config, clock, true);
            M2MqttLink link = MqttFactory.CreateLink(config, store);
            DeviceCommandHandler device = new DeviceCommandHandler(null);
            ConsoleSessionObserver log = new ConsoleSessionObserver();
            OtaAgent ota = DeviceOta.Create(config, store, device, log, clock);
            ota.Updater.StepMilliseconds = OtaStepMilliseconds;
            ConfigCommandHandler commands = new ConfigCommandHandler(config, ota.Handler);
            TelemetrySession session = MqttFactory.CreateSession(link, config, commands, clock, ota.Observer);
            ota.Attach(session);
            // Sequence numbers keep rising and unacknowledged readings survive reboots (retained-state.md §10).
            PendingReadings pending = new PendingReadings(PendingCapacityReadings);
            AlwaysOnState state = new AlwaysOnState(store, PendingCapacityReadings);
            HealthReport health = new HealthReport();
            health.ResetReason = cause == WakeCause.Timer ? ResetReason.DeepSleepWake : ResetReason.PowerOn;
            health.BootCount = state.CountBoot();
            int restored = state.LoadPending(pending);
            AlwaysOnRunner runner = new AlwaysOnRunner(session, sensors, clock, config, health, pending, ota.Observer);
            runner.NextSequence = state.LoadNextSequence();
            Console.WriteLine("always-on: boot " + health.BootCount.ToString() + ", next seq " + runner.NextSequence.ToString() + ", " + restored.ToString() + " unpublished readings restored");
            ConfigStore configStore = new ConfigStore(store);
            ConfigProblem problem = new ConfigProblem();
            commands.ConfigChanged += delegate(NodeConfig changed)
            {
                Console.WriteLine("config commit: status " + ((int)configStore.Commit(changed, problem)).ToString());
                runner.RequestDiscovery();
            };

            long nextWifiAttempt = 0;
            long bootMilliseconds = clock.MonotonicMilliseconds;
            bool downloading = false;
            while (true)
            {
                if (!wifi.IsConnected && clock.MonotonicMilliseconds >= nextWifiAttempt)
                {
                    wifi.Connect(clock.MonotonicMilliseconds + config.AwakeBudgetMilliseconds);
                    nextWifiAttempt = clock.MonotonicMilliseconds + WifiRetryMilliseconds;
                }

                long taken = runner.SamplesTaken;
                int waiting = pending.Count;
                runner.Step(true);
                if (runner.SamplesTaken != taken)
                {
                    state.SaveNextSequence(runner.NextSequence);
                    if (runner.SamplesTaken % AlwaysOnRunner.HealthEverySamples == 1)
                    {
                        health.FreeMemoryBytes = Esp32Memory.FreeManagedBytes();
                    }
                }

                // Online, a sample is published within its step and nothing is written; offline, the buffer is.
                if (pending.Count != waiting || (pending.Count > 0 && runner.SamplesTaken != taken))
                {
                    state.SavePending(pending);
                }

                ota.AfterOnline(session);
                OtaOutcome outcome = downloading ? ota.Continue(OtaStepBytes) : ota.RunOrder(OtaStepBytes);
                downloading = outcome == OtaOutcome.Suspended;
                if (outcome == OtaOutcome.Installed || ota.TrialTimedOut(bootMilliseconds, clock.MonotonicMilliseconds, DeviceOta.TrialHealthTimeoutMilliseconds))
                {
                    Console.WriteLine("ota: reboot (outcome " + ((int)outcome).ToString() + ")");
                    ota.AfterOnline(session);
                    session.GoOffline();
                    DeviceReboot.Now();
                }

                if (device.RebootRequested)
                {
                    session.GoOffline();
                    DeviceReboot.Now();
                }

                _watchdog.Kick();
                long wait = runner.MillisecondsUntilSample;
                Thread.Sleep(wait > StepMilliseconds ? StepMilliseconds : (int)wait + 1);
            }
        }
    }
}
