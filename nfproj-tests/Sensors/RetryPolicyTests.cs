using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Sensors
{
    [TestClass]
    public class RetryPolicyTests
    {
        private static readonly ReadingStatus[] FailThenOk = new ReadingStatus[] { ReadingStatus.ChecksumError, ReadingStatus.Ok };
        private static readonly ReadingStatus[] AlwaysFail = new ReadingStatus[] { ReadingStatus.ReadFailed };
        private static readonly ReadingStatus[] Absent = new ReadingStatus[] { ReadingStatus.NotPresent };

        [TestMethod]
        public void WaitBeforeAttempt_RespectsIntervalAndRetryDelay()
        {
            RetryPolicy policy = new RetryPolicy(3, 2000, 100, 5000);
            Assert.AreEqual(0, policy.WaitBeforeAttempt(0, 5000, -1));
            Assert.AreEqual(1500, policy.WaitBeforeAttempt(0, 500, 0));
            Assert.AreEqual(0, policy.WaitBeforeAttempt(0, 2500, 0));
            Assert.AreEqual(100, policy.WaitBeforeAttempt(1, 9000, 0));
            Assert.AreEqual(2000, policy.WaitBeforeAttempt(1, 0, 0));
        }

        [TestMethod]
        public void Dht22_ChecksumErrorThenOk_RetriesTwoSecondsLater()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            sensor.Script(FailThenOk);
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, RetryPolicy.ForDht22());

            Assert.AreEqual((int)ReadingStatus.Ok, (int)reader.Read(clock, clock));

            Assert.AreEqual(2, sensor.Calls);
            Assert.AreEqual(2000L, sensor.CallTimes[1] - sensor.CallTimes[0]);
            Assert.AreEqual(2, reader.Health.Attempts);
            Assert.AreEqual(1, reader.Health.Reads);
            Assert.AreEqual(2150, reader.Temperature.Value);
        }

        [TestMethod]
        public void Dht22_AlwaysFailing_StopsAfterThreeAttempts_WithinWaitBudget()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            sensor.Script(AlwaysFail);
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, RetryPolicy.ForDht22());

            Assert.AreEqual((int)ReadingStatus.ReadFailed, (int)reader.Read(clock, clock));

            Assert.AreEqual(3, sensor.Calls);
            Assert.IsTrue(clock.WaitedMilliseconds <= RetryPolicy.ForDht22().MaxWaitMilliseconds);
            Assert.AreEqual(1, reader.Health.CountOf(ReadingStatus.ReadFailed));
            Assert.AreEqual((int)ReadingStatus.ReadFailed, (int)reader.Humidity.Status);
            Assert.AreEqual(0, reader.Humidity.Value);
        }

        [TestMethod]
        public void Absent_IsNotRetried()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            sensor.Script(Absent);
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, RetryPolicy.ForDht22());

            Assert.AreEqual((int)ReadingStatus.NotPresent, (int)reader.Read(clock, clock));
            Assert.AreEqual(1, sensor.Calls);
            Assert.AreEqual(0L, clock.WaitedMilliseconds);
        }

        [TestMethod]
        public void NextSampleTooSoon_WaitsForTheDht22Interval()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, RetryPolicy.ForDht22());
            reader.Read(clock, clock);
            clock.Advance(500);

            reader.Read(clock, clock);

            Assert.AreEqual(2000L, sensor.CallTimes[1] - sensor.CallTimes[0]);
        }

        [TestMethod]
        public void IntervalLongerThanBudget_ReadIsNotAttempted()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, new RetryPolicy(1, 10000, 0, 1000));
            reader.Read(clock, clock);

            Assert.AreEqual((int)ReadingStatus.ReadFailed, (int)reader.Read(clock, clock));
            Assert.AreEqual(1, sensor.Calls);
        }

        [TestMethod]
        public void ImplausibleValue_IsOutOfRange_InHealthToo()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            sensor.TemperatureCentiCelsius = 8100;
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, RetryPolicy.ForDht22());

            Assert.AreEqual((int)ReadingStatus.OutOfRange, (int)reader.Read(clock, clock));
            Assert.AreEqual((int)ReadingStatus.OutOfRange, (int)reader.Temperature.Status);
            Assert.AreEqual((int)ReadingStatus.Ok, (int)reader.Humidity.Status);
            Assert.AreEqual(1, reader.Health.CountOf(ReadingStatus.OutOfRange));
        }

        [TestMethod]
        public void IdenticalReadings_BecomeStuck_AtTheDht22Limit()
        {
            SimulatedClock clock = new SimulatedClock();
            FakeHumidityTemperatureSensor sensor = new FakeHumidityTemperatureSensor(clock);
            HumidityTemperatureReader reader = new HumidityTemperatureReader(sensor, RetryPolicy.ForDht22());
            for (int i = 1; i < SensorLimits.Dht22StuckRepeats; i++)
            {
                Assert.AreEqual((int)ReadingStatus.Ok, (int)reader.Read(clock, clock));
                clock.Advance(60000);
            }

            Assert.AreEqual((int)ReadingStatus.Stuck, (int)reader.Read(clock, clock));
        }
    }
}
