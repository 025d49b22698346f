using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Sensors.Drivers;

namespace NFUnitTest.Board
{
    [TestClass]
    public class BoardProfileParserTests
    {
        // The required keys of docs/spec/board-profile.md §3 with valid values; rows append or replace lines.
        private const string Minimal =
            "board=test\n" +
            "i2c_bus=1\n" +
            "i2c_sda_pin=21\n" +
            "i2c_scl_pin=22\n" +
            "dht22_echo_pin=26\n" +
            "dht22_trigger_pin=25\n" +
            "adxl345_address=0x53\n" +
            "sleep_current_ua=10\n" +
            "active_current_ma=100\n" +
            "tx_current_ma=240\n";

        [TestMethod]
        public void BuiltInDevKitC_ParsesToTheWiringTable()
        {
            BoardProfile profile = new BoardProfile();
            int line;

            Assert.AreEqual((int)BoardProfileStatus.Ok, (int)BoardProfileParser.ParseText(BuiltInProfiles.Esp32DevKitC, profile, out line));

            Assert.AreEqual("esp32-devkitc", profile.Name);
            Assert.AreEqual(1, profile.I2cBus);
            Assert.AreEqual(21, profile.I2cSdaPin);
            Assert.AreEqual(22, profile.I2cSclPin);
            Assert.AreEqual(26, profile.Dht22EchoPin);
            Assert.AreEqual(25, profile.Dht22TriggerPin);
            Assert.AreEqual(0x53, profile.Adxl345Address);
            Assert.AreEqual(4, profile.Adxl345Int1Pin);
            Assert.AreEqual((int)Axis.Z, (int)profile.Adxl345Axis);
            Assert.AreEqual(34, profile.BatteryAdcPin);
            Assert.AreEqual(2000, profile.BatteryDividerRatioMilli);
            Assert.IsTrue(profile.HasDht22);
            Assert.IsTrue(profile.HasAdxl345);
            Assert.IsTrue(profile.SleepCurrentMicroAmps > 0);
        }

        [TestMethod]
        public void BuiltInLowPower_HasNoDht22()
        {
            BoardProfile profile = new BoardProfile();
            int line;

            Assert.AreEqual((int)BoardProfileStatus.Ok, (int)BoardProfileParser.ParseText(BuiltInProfiles.Wroom32LowPower, profile, out line));
            Assert.IsFalse(profile.HasDht22);
            Assert.IsTrue(profile.SleepCurrentMicroAmps < 100);
        }

        [TestMethod]
        public void MinimalProfile_OptionalKeysTakeTheirDefaults()
        {
            BoardProfile profile = new BoardProfile();
            int line;

            Assert.AreEqual((int)BoardProfileStatus.Ok, (int)BoardProfileParser.ParseText(Minimal, profile, out line));
            Assert.AreEqual(-1, profile.Adxl345Int1Pin);
            Assert.AreEqual((int)Axis.Z, (int)profile.Adxl345Axis);
            Assert.AreEqual(-1, profile.BatteryAdcPin);
            Assert.AreEqual(2000, profile.BatteryDividerRatioMilli);
        }

        [DataRow("ok-comments-blank-crlf-spaces", "# c\r\n\r\n   \t\r\n  adxl345_axis =  x \r\n", 0, 0)]
        [DataRow("ok-hex-uppercase", "adxl345_int1_pin=0X1B\n", 0, 0)]
        [DataRow("ok-no-final-newline", "battery_adc_pin=35", 0, 0)]
        [DataRow("missing-separator", "adxl345_axis z\n", 4, 11)]
        [DataRow("unknown-key", "bme280_address=0x76\n", 5, 11)]
        [DataRow("key-case-matters", "Board=x\n", 5, 11)]
        [DataRow("duplicate-key", "i2c_bus=2\n", 6, 11)]
        [DataRow("bad-number", "battery_adc_pin=3x4\n", 7, 11)]
        [DataRow("empty-value", "battery_adc_pin=\n", 7, 11)]
        [DataRow("bad-axis", "adxl345_axis=w\n", 7, 11)]
        [DataRow("too-many-digits", "battery_divider_ratio_milli=0000000002000\n", 7, 11)]
        [DataRow("divider-too-small", "battery_divider_ratio_milli=999\n", 8, 11)]
        [DataRow("flash-pin", "adxl345_int1_pin=6\n", 9, 11)]
        [DataRow("gpio-20-does-not-exist", "adxl345_int1_pin=20\n", 9, 11)]
        [DataRow("battery-not-on-adc1", "battery_adc_pin=25\n", 9, 11)]
        [DataRow("bad-character", "adxl345_axis=z\u0001\n", 3, 11)]
        [DataRow("non-ascii", "adxl345_axis=\u00e9\n", 3, 11)]
        public void Malformed_Appended_ReturnsStatusAndLine(string name, string appended, int status, int line)
        {
            BoardProfile profile = new BoardProfile();
            int errorLine;

            Assert.AreEqual(status, (int)BoardProfileParser.ParseText(Minimal + appended, profile, out errorLine), name);
            Assert.AreEqual(line, errorLine, name);
        }

        [DataRow("board-uppercase", "board=test", "board=Test", 7, 1)]
        [DataRow("board-empty", "board=test", "board=", 7, 1)]
        [DataRow("bus-three", "i2c_bus=1", "i2c_bus=3", 8, 2)]
        [DataRow("sda-input-only", "i2c_sda_pin=21", "i2c_sda_pin=34", 9, 3)]
        [DataRow("scl-none", "i2c_scl_pin=22", "i2c_scl_pin=-1", 9, 4)]
        [DataRow("trigger-input-only", "dht22_trigger_pin=25", "dht22_trigger_pin=36", 9, 6)]
        [DataRow("accel-address-0x76", "adxl345_address=0x53", "adxl345_address=0x76", 8, 7)]
        [DataRow("accel-address-alternate", "adxl345_address=0x53", "adxl345_address=0x1D", 0, 0)]
        [DataRow("accel-absent", "adxl345_address=0x53", "adxl345_address=-1", 0, 0)]
        [DataRow("sleep-zero", "sleep_current_ua=10", "sleep_current_ua=0", 8, 8)]
        [DataRow("tx-too-big", "tx_current_ma=240", "tx_current_ma=1001", 8, 10)]
        [DataRow("missing-board", "board=test", "# none", 10, 0)]
        [DataRow("missing-tx", "tx_current_ma=240", "", 10, 0)]
        [DataRow("dht-half-wired", "dht22_echo_pin=26", "dht22_echo_pin=-1", 11, 0)]
        [DataRow("dht-both-absent-ok", "dht22_echo_pin=26\ndht22_trigger_pin=25", "dht22_echo_pin=-1\ndht22_trigger_pin=-1", 0, 0)]
        [DataRow("sda-equals-scl", "i2c_scl_pin=22", "i2c_scl_pin=21", 11, 0)]
        [DataRow("echo-equals-trigger", "dht22_echo_pin=26", "dht22_echo_pin=25", 11, 0)]
        [DataRow("line-too-long", "board=test", "board=test                                                                                                                    ", 2, 1)]
        public void Malformed_Replaced_ReturnsStatusAndLine(string name, string original, string replacement, int status, int line)
        {
            string text = Minimal;
            int at = text.IndexOf(original);
            Assert.IsTrue(at >= 0, name);
            text = text.Substring(0, at) + replacement + text.Substring(at + original.Length);
            BoardProfile profile = new BoardProfile();
            int errorLine;

            Assert.AreEqual(status, (int)BoardProfileParser.ParseText(text, profile, out errorLine), name);
            Assert.AreEqual(line, errorLine, name);
        }

        [TestMethod]
        public void TooLarge_RejectedBeforeParsing()
        {
            byte[] text = new byte[BoardProfileParser.MaxBytes + 1];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = (byte)'#';
            }

            BoardProfile profile = new BoardProfile();
            int line;

            Assert.AreEqual((int)BoardProfileStatus.TooLarge, (int)BoardProfileParser.Parse(text, 0, text.Length, profile, out line));
            Assert.AreEqual(0, line);
        }

        [TestMethod]
        public void EveryTruncation_NeverThrows_AndIsOkOnlyWhenComplete()
        {
            byte[] full = new byte[BuiltInProfiles.Esp32DevKitC.Length];
            for (int i = 0; i < full.Length; i++)
            {
                full[i] = (byte)BuiltInProfiles.Esp32DevKitC[i];
            }

            BoardProfile profile = new BoardProfile();
            int line;
            int lastLineStart = BuiltInProfiles.Esp32DevKitC.LastIndexOf("tx_current_ma");
            for (int length = 0; length <= full.Length; length++)
            {
                BoardProfileStatus status = BoardProfileParser.Parse(full, 0, length, profile, out line);
                bool complete = length >= lastLineStart + "tx_current_ma = 2".Length;
                Assert.AreEqual(complete, status == BoardProfileStatus.Ok, "length " + length.ToString());
            }
        }

        [DataRow(0, true)]
        [DataRow(5, true)]
        [DataRow(6, false)]
        [DataRow(11, false)]
        [DataRow(12, true)]
        [DataRow(20, false)]
        [DataRow(24, false)]
        [DataRow(28, false)]
        [DataRow(31, false)]
        [DataRow(33, true)]
        [DataRow(34, true)]
        [DataRow(39, true)]
        [DataRow(40, false)]
        [DataRow(-1, false)]
        public void IsGpio_MatchesTheWroom32Module(int pin, bool exists)
        {
            Assert.AreEqual(exists, BoardProfileParser.IsGpio(pin));
            Assert.AreEqual(exists && pin < 34, BoardProfileParser.IsOutputGpio(pin));
        }
    }
}
