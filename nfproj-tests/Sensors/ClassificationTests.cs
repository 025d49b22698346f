using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;

namespace NFUnitTest.Sensors
{
    [TestClass]
    public class ClassificationTests
    {
        [DataRow(-4000, -4000, 8000, 0)]
        [DataRow(-4001, -4000, 8000, 3)]
        [DataRow(8000, -4000, 8000, 0)]
        [DataRow(8001, -4000, 8000, 3)]
        [DataRow(8500, -4000, 8500, 0)]
        [DataRow(8501, -4000, 8500, 3)]
        [DataRow(30000, 30000, 110000, 0)]
        [DataRow(29999, 30000, 110000, 3)]
        [DataRow(110001, 30000, 110000, 3)]
        [DataRow(-1, 0, 10000, 3)]
        [DataRow(10001, 0, 10000, 3)]
        public void Check_BoundsAreInclusive(int value, int min, int max, int expectedStatus)
        {
            Assert.AreEqual(expectedStatus, (int)SensorLimits.Check(value, min, max));
        }

        [TestMethod]
        public void DatasheetRanges_AreTheIssueRanges()
        {
            Assert.AreEqual(-4000, SensorLimits.Dht22TemperatureMinCentiCelsius);
            Assert.AreEqual(8000, SensorLimits.Dht22TemperatureMaxCentiCelsius);
            Assert.AreEqual(-4000, SensorLimits.Bme280TemperatureMinCentiCelsius);
            Assert.AreEqual(8500, SensorLimits.Bme280TemperatureMaxCentiCelsius);
            Assert.AreEqual(30000, SensorLimits.Bme280PressureMinPascal);
            Assert.AreEqual(110000, SensorLimits.Bme280PressureMaxPascal);
            Assert.AreEqual(10000, SensorLimits.HumidityMaxCentiPercent);
        }

        [DataRow(1996, 2000, true)]
        [DataRow(-1996, 2000, true)]
        [DataRow(1980, 2000, true)]
        [DataRow(1979, 2000, false)]
        [DataRow(15996, 16000, true)]
        [DataRow(0, 2000, false)]
        public void IsClipped_AtNinetyNinePercentOfFullScale(int sample, int fullScale, bool clipped)
        {
            Assert.AreEqual(clipped, SensorLimits.IsClipped(sample, fullScale));
        }

        [TestMethod]
        public void StuckDetector_TripsAtLimit_AndClearsOnChange()
        {
            StuckDetector stuck = new StuckDetector(3);
            Assert.IsFalse(stuck.Update(5));
            Assert.IsFalse(stuck.Update(5));
            Assert.IsTrue(stuck.Update(5));
            Assert.IsTrue(stuck.Update(5));
            Assert.IsFalse(stuck.Update(6));
            Assert.AreEqual(1, stuck.RunLength);
        }

        [TestMethod]
        public void StuckDetector_AlternatingValues_NeverStuck()
        {
            StuckDetector stuck = new StuckDetector(2);
            for (int i = 0; i < 100; i++)
            {
                Assert.IsFalse(stuck.Update(i & 1));
            }
        }

        [TestMethod]
        public void ChannelReading_RangeBeforeStuck_OutOfRangeValuesDoNotFeedStuck()
        {
            ChannelReading reading = new ChannelReading(0, 100, new StuckDetector(2));
            Assert.AreEqual((int)ReadingStatus.OutOfRange, (int)reading.Classify(200));
            Assert.AreEqual((int)ReadingStatus.OutOfRange, (int)reading.Classify(200));
            Assert.AreEqual(200, reading.Value);
            Assert.AreEqual((int)ReadingStatus.Ok, (int)reading.Classify(50));
            Assert.AreEqual((int)ReadingStatus.Stuck, (int)reading.Classify(50));
        }

        [TestMethod]
        public void Health_CountsByStatus_AndLevels()
        {
            SensorHealth health = new SensorHealth(SensorId.Bme280);
            Assert.AreEqual((int)HealthLevel.Ok, (int)health.Level);

            health.RecordRead(ReadingStatus.Ok);
            health.RecordRead(ReadingStatus.ReadFailed);
            Assert.AreEqual((int)HealthLevel.Warning, (int)health.Level);
            health.RecordRead(ReadingStatus.ChecksumError);
            health.RecordRead(ReadingStatus.Stuck);
            Assert.AreEqual((int)HealthLevel.Failed, (int)health.Level);
            health.RecordRead(ReadingStatus.Ok);

            Assert.AreEqual(5, health.Reads);
            Assert.AreEqual(3, health.Failures);
            Assert.AreEqual(2, health.CountOf(ReadingStatus.Ok));
            Assert.AreEqual(1, health.CountOf(ReadingStatus.ReadFailed));
            Assert.AreEqual(1, health.CountOf(ReadingStatus.ChecksumError));
            Assert.AreEqual(1, health.CountOf(ReadingStatus.Stuck));
            Assert.AreEqual(0, health.ConsecutiveFailures);
            Assert.AreEqual((int)HealthLevel.Ok, (int)health.Level);

            health.RecordRead(ReadingStatus.NotPresent);
            Assert.AreEqual((int)HealthLevel.Failed, (int)health.Level);
        }
    }
}
