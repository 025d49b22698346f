using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Drivers;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Sensors
{
    [TestClass]
    public class SensorSamplerTests
    {
        private static NodeConfig SmallConfig()
        {
            NodeConfig config = new NodeConfig();
            config.AverageWindow = 1;
            config.ZWindow = 4;
            config.ZThresholdMilli = 4000;
            config.CrestWindow = 64;
            return config;
        }

        private static int StatusOf(SampleRecord record, Channel channel)
        {
            return (int)record.StatusOf(channel);
        }

        [TestMethod]
        public void AllSensorsOk_EveryChannelOk_BmePreferred()
        {
            SimulatedClock clock = new SimulatedClock();
            FakePressureSensor bme = new FakePressureSensor();
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, clock, new FakeHumidityTemperatureSensor(clock), bme, new FakeVibrationSensor());
            SampleRecord record = new SampleRecord();

            sampler.Sample(record);

            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                Assert.AreEqual((int)ReadingStatus.Ok, StatusOf(record, (Channel)c));
            }

            Assert.AreEqual(2201, record.Get(Channel.Temperature));
            Assert.AreEqual(101326, record.Get(Channel.Pressure));
            Assert.AreEqual(4001, record.Get(Channel.Humidity));
            Assert.AreEqual(100, record.Get(Channel.VibrationRms));
            Assert.AreEqual(1000, record.Get(Channel.CrestFactor));
        }

        [TestMethod]
        public void Bme280Failing_Dht22Absent_VibrationStillSampled()
        {
            SimulatedClock clock = new SimulatedClock();
            FakePressureSensor bme = new FakePressureSensor();
            bme.Status = ReadingStatus.ReadFailed;
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, clock, null, bme, new FakeVibrationSensor());
            SampleRecord record = new SampleRecord();

            sampler.Sample(record);

            Assert.AreEqual((int)ReadingStatus.ReadFailed, StatusOf(record, Channel.Temperature));
            Assert.AreEqual((int)ReadingStatus.ReadFailed, StatusOf(record, Channel.Humidity));
            Assert.AreEqual((int)ReadingStatus.ReadFailed, StatusOf(record, Channel.Pressure));
            Assert.AreEqual((int)ReadingStatus.Ok, StatusOf(record, Channel.VibrationRms));
            Assert.AreEqual((int)ReadingStatus.Ok, StatusOf(record, Channel.CrestFactor));
            Assert.AreEqual(3, sampler.HealthOf(SensorId.Bme280).Attempts);
            Assert.AreEqual((int)ReadingStatus.NotPresent, (int)sampler.HealthOf(SensorId.Dht22).LastStatus);
        }

        [TestMethod]
        public void Bme280Absent_TemperatureAndHumidityFromDht22_PressureNotPresent()
        {
            SimulatedClock clock = new SimulatedClock();
            FakePressureSensor bme = new FakePressureSensor();
            bme.Status = ReadingStatus.NotPresent;
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, clock, new FakeHumidityTemperatureSensor(clock), bme, null);
            SampleRecord record = new SampleRecord();

            sampler.Sample(record);

            Assert.AreEqual((int)ReadingStatus.Ok, StatusOf(record, Channel.Temperature));
            Assert.AreEqual(2150, record.Get(Channel.Temperature));
            Assert.AreEqual(4500, record.Get(Channel.Humidity));
            Assert.AreEqual((int)ReadingStatus.NotPresent, StatusOf(record, Channel.Pressure));
            Assert.AreEqual((int)ReadingStatus.NotPresent, StatusOf(record, Channel.VibrationRms));
            Assert.AreEqual(1, bme.Calls);
        }

        [TestMethod]
        public void EverythingAbsent_AllNotPresent_NoThrow()
        {
            SimulatedClock clock = new SimulatedClock();
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, clock, null, null, null);
            SampleRecord record = new SampleRecord();

            sampler.Sample(record);

            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                Assert.AreEqual((int)ReadingStatus.NotPresent, StatusOf(record, (Channel)c));
            }

            Assert.AreEqual(0, record.AnomalyMask);
        }

        [TestMethod]
        public void TemperatureSpike_SetsOnlyTheTemperatureAnomalyBit()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor dht = new FakeHumidityTemperatureSensor(clock);
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, clock, dht, null, null);
            SampleRecord record = new SampleRecord();
            for (int i = 0; i < 6; i++)
            {
                dht.TemperatureCentiCelsius = 2000 + (i & 1);
                dht.HumidityCentiPercent = 4000 + (i & 1);
                sampler.Sample(record);
                Assert.AreEqual(0, record.AnomalyMask);
                clock.Advance(60000);
            }

            dht.TemperatureCentiCelsius = 2500;
            sampler.Sample(record);

            Assert.AreEqual(1 << (int)Channel.Temperature, record.AnomalyMask);
            Assert.AreEqual(2500, record.Get(Channel.Temperature));
        }

        [TestMethod]
        public void VibrationClipped_OutOfRange_ConstantSignal_Stuck_Silent_ReadFailed()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeVibrationSensor vibration = new FakeVibrationSensor();
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, clock, null, null, vibration);
            SampleRecord record = new SampleRecord();

            vibration.AmplitudeMilliG = 990;
            sampler.Sample(record);
            Assert.AreEqual((int)ReadingStatus.OutOfRange, StatusOf(record, Channel.CrestFactor));

            vibration.AmplitudeMilliG = 0;
            sampler.Sample(record);
            Assert.AreEqual((int)ReadingStatus.Stuck, StatusOf(record, Channel.VibrationRms));

            vibration.PerBurst = 0;
            long before = clock.MonotonicMilliseconds;
            sampler.Sample(record);
            Assert.AreEqual((int)ReadingStatus.ReadFailed, StatusOf(record, Channel.VibrationRms));
            Assert.IsTrue(clock.MonotonicMilliseconds - before <= 2 * 64 * 1000 / 800 + 100 + 20);
        }

        [TestMethod]
        public void Adxl345OverSimulatedBus_FifoRefillsWhileSamplerWaits_CrestOfSquareWaveIsOne()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            bus.Registers[0x00] = Adxl345.ChipId;
            bus.ConfigureFifo(0x32, 6, 0x39, 32);
            FifoFeedingDelay delay = new FifoFeedingDelay(bus, 800);
            SimulatedClock clock = new SimulatedClock();
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);
            SensorSampler sampler = new SensorSampler(SmallConfig(), clock, delay, null, null, accel);
            SampleRecord record = new SampleRecord();

            sampler.Sample(record);

            Assert.AreEqual((int)ReadingStatus.Ok, StatusOf(record, Channel.VibrationRms));
            Assert.AreEqual(500, record.Get(Channel.VibrationRms));
            Assert.AreEqual(1000, record.Get(Channel.CrestFactor));
            Assert.IsTrue(delay.Waits > 0);
        }

        /// <summary>A delay that plays the accelerometer: each wait enqueues the samples measured meanwhile.</summary>
        private sealed class FifoFeedingDelay : IDelay
        {
            private readonly SimulatedRegisterBus _bus;
            private readonly int _rateHertz;
            private readonly byte[] _frame = new byte[6];
            private int _n;

            public FifoFeedingDelay(SimulatedRegisterBus bus, int rateHertz)
            {
                _bus = bus;
                _rateHertz = rateHertz;
            }

            public int Waits;

            public void Wait(int milliseconds)
            {
                Waits++;
                int samples = milliseconds * _rateHertz / 1000;
                for (int i = 0; i < samples; i++)
                {
                    int z = 256 + ((_n & 1) == 0 ? 128 : -128);
                    _n++;
                    _frame[4] = (byte)(z & 0xFF);
                    _frame[5] = (byte)((z >> 8) & 0xFF);
                    _bus.EnqueueFrame(_frame, 0);
                }
            }
        }
    }
}
