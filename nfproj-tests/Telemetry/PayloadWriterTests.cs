using nanoFramework.TestFramework;
using SensorNode.Core;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class PayloadWriterTests
    {
        [TestMethod]
        public void State_OneReading_MatchesVector()
        {
            byte[] buffer = new byte[256];
            int length = new StateWriter().Write(Vectors.OneReading(), buffer, 0, buffer.Length);
            Assert.AreEqual(Vectors.StateOneReading, TestText.FromAscii(buffer, length));
        }

        [TestMethod]
        public void State_FailedChannels_AreNull()
        {
            byte[] buffer = new byte[256];
            int length = new StateWriter().Write(Vectors.TwoReadings()[1], buffer, 0, buffer.Length);
            Assert.AreEqual(Vectors.StateFaults, TestText.FromAscii(buffer, length));
        }

        [TestMethod]
        public void State_NoClock_WritesNullTimestamp()
        {
            SampleRecord r = Vectors.OneReading();
            r.UnixMilliseconds = 0;
            byte[] buffer = new byte[256];
            int length = new StateWriter().Write(r, buffer, 0, buffer.Length);
            Assert.EndsWith("\"timestamp\":null}", TestText.FromAscii(buffer, length));
        }

        [TestMethod]
        public void State_BufferTooSmall_ReturnsMinusNeeded()
        {
            byte[] buffer = new byte[10];
            int length = new StateWriter().Write(Vectors.OneReading(), buffer, 0, buffer.Length);
            Assert.AreEqual(-Vectors.StateOneReading.Length, length);
        }

        [TestMethod]
        public void Sleep_WritesNextWakeAndDuration()
        {
            byte[] buffer = new byte[64];
            int length = new SleepWriter().Write(1764254700000, 300, buffer, 0, buffer.Length);
            Assert.AreEqual("{\"next_wake\":1764254700000,\"sleep_s\":300}", TestText.FromAscii(buffer, length));
            length = new SleepWriter().Write(0, 60, buffer, 0, buffer.Length);
            Assert.AreEqual("{\"next_wake\":null,\"sleep_s\":60}", TestText.FromAscii(buffer, length));
        }

        [TestMethod]
        public void Health_WritesEveryKey()
        {
            HealthReport h = new HealthReport();
            h.Level = HealthLevel.Warning;
            h.BootCount = 17;
            h.ResetReason = ResetReason.DeepSleepWake;
            h.UptimeSeconds = 4;
            h.RssiDbm = -67;
            h.FreeMemoryBytes = 81234;
            h.SensorErrors[(int)Channel.Humidity] = 2;
            h.BufferFill = 3;
            h.BufferCapacity = 256;
            h.ConfigVersion = 5;
            byte[] buffer = new byte[512];
            int length = new HealthWriter().Write(h, buffer, 0, buffer.Length);
            string expected = "{\"level\":\"warning\",\"boot_count\":17,\"reset_reason\":\"deep_sleep_wake\",\"uptime_s\":4,\"rssi_dbm\":-67,\"free_memory_bytes\":81234,\"sensor_errors\":{\"temperature\":0,\"humidity\":2,\"pressure\":0,\"vibration_rms\":0,\"crest_factor\":0},\"buffer_fill\":3,\"buffer_capacity\":256,\"readings_dropped\":0,\"firmware_version\":\"" + FirmwareInfo.Version + "\",\"config_version\":5}";
            Assert.AreEqual(expected, TestText.FromAscii(buffer, length));
        }

        [TestMethod]
        public void Health_UnknownRssiAndMemory_AreNull()
        {
            byte[] buffer = new byte[512];
            int length = new HealthWriter().Write(new HealthReport(), buffer, 0, buffer.Length);
            string text = TestText.FromAscii(buffer, length);
            Assert.Contains("\"rssi_dbm\":null,\"free_memory_bytes\":null", text);
        }

        [TestMethod]
        public void Discovery_EveryConfigFitsTheSessionBuffer_ForTheLongestNames()
        {
            MqttTopics topics = new MqttTopics("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234", "abcdefghijabcdefghijabcdefghij12");
            byte[] buffer = new byte[1024];
            for (int i = 0; i < DiscoveryWriter.Count; i++)
            {
                Assert.IsTrue(new DiscoveryWriter().Write(i, topics, 172800, buffer, 0, buffer.Length) > 0);
            }
        }
    }
}
