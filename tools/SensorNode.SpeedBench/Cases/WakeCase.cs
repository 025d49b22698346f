using System;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>
    /// One deep-sleep wake without radio, as a device boot runs it (DeepSleepNode): a fresh SensorSampler
    /// (DHT22 + BME280, no accelerometer) restoring its filters from flash, a fresh WakeCycle over the same
    /// in-memory flash that loads the reading log, samples once, appends the reading, saves the filters and the
    /// checkpoint, decides not to publish and sleeps. Default windows (average 8, z 32). Each wake is timed
    /// on its own; wakes that turn the radio on (the first boot of a fresh flash) are left out, and the flash
    /// is renewed before the reading log fills so every timed wake does the same work.
    /// </summary>
    internal sealed class WakeCase : BenchCase
    {
        private const int WakesPerFlash = 48;
        private readonly NodeConfig _config = new NodeConfig();
        private readonly SimulatedClock _clock = new SimulatedClock();
        private readonly SimulatedUplink _uplink;
        private readonly FixedSensors _sensors = new FixedSensors();
        private SimulatedFileStore _store;
        private SimulatedSleepController _sleep;
        private int _wakesOnFlash;
        private string _error;

        public WakeCase()
        {
            _config.Mode = NodeMode.DeepSleep;
            _config.SampleIntervalSeconds = 60;
            _config.PublishEvery = 100000;
            _config.MaxLatencySeconds = int.MaxValue;
            _config.CommandWindowSeconds = 0;
            _config.RetainedCapacityReadings = 64;
            _uplink = new SimulatedUplink(_clock);
            NewFlash();
        }

        public override string Id
        {
            get { return "deep-sleep-wake"; }
        }

        public override string Check()
        {
            return _error;
        }

        public override long Run(int ops)
        {
            long total = 0;
            for (int i = 0; i < ops; i++)
            {
                if (_wakesOnFlash >= WakesPerFlash)
                {
                    NewFlash();
                }

                long start = DateTime.UtcNow.Ticks;
                WakeReport report = Wake();
                total += DateTime.UtcNow.Ticks - start;
                _wakesOnFlash++;
                if (report.RadioAttempted || report.Fault != RecordStatus.Ok || report.CaughtFault)
                {
                    _error = "a timed wake used the radio or failed";
                }
            }

            return total;
        }

        protected override void Once(int i)
        {
            Wake();
        }

        private void NewFlash()
        {
            _store = new SimulatedFileStore();
            _sleep = new SimulatedSleepController(WakeCause.PowerOn);
            _wakesOnFlash = 0;
            Wake(); // power-on boot: announces itself over the radio; not timed
        }

        private WakeReport Wake()
        {
            _clock.Advance(300);
            _clock.Boot();
            SensorSampler sampler = new SensorSampler(_config, _clock, _clock, _sensors, _sensors, null);
            sampler.RetainFiltersIn(_store);
            WakeReport report = new WakeCycle(_config, _clock, _store, sampler, _uplink, _sleep).Run();
            _clock.Advance(report.SleepMilliseconds);
            return report;
        }

        /// <summary>DHT22 and BME280 answering every read with slowly changing plausible values.</summary>
        private sealed class FixedSensors : IHumidityTemperatureSensor, IPressureSensor
        {
            private int _reads;

            public ReadingStatus TryRead(out int temperatureCentiCelsius, out int humidityCentiPercent)
            {
                _reads++;
                temperatureCentiCelsius = 2100 + (_reads % 37);
                humidityCentiPercent = 4500 + (_reads % 53);
                return ReadingStatus.Ok;
            }

            public ReadingStatus TryRead(out int temperatureCentiCelsius, out int pressurePascal, out int humidityCentiPercent)
            {
                _reads++;
                temperatureCentiCelsius = 2100 + (_reads % 41);
                pressurePascal = 101325 + (_reads % 29);
                humidityCentiPercent = 4500 + (_reads % 47);
                return ReadingStatus.Ok;
            }
        }
    }
}
