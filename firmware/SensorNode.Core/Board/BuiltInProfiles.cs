namespace SensorNode.Core.Board
{
    /// <summary>
    /// The board profiles of hardware/boards/, compiled in so that a node boots with a known pin map before any
    /// profile file is deployed. A host test checks each constant against its file byte for byte.
    /// </summary>
    public static class BuiltInProfiles
    {
        /// <summary>hardware/boards/esp32-devkitc/board.profile.</summary>
        public const string Esp32DevKitC =
            "# SensorNode board profile (format: docs/spec/board-profile.md)\n" +
            "# Espressif ESP32-DevKitC V4 (ESP32-WROOM-32E), wiring: hardware/boards/esp32-devkitc/README.md\n" +
            "board = esp32-devkitc\n" +
            "i2c_bus = 1\n" +
            "i2c_sda_pin = 21\n" +
            "i2c_scl_pin = 22\n" +
            "dht22_echo_pin = 26\n" +
            "dht22_trigger_pin = 25\n" +
            "adxl345_address = 0x53\n" +
            "adxl345_int1_pin = 4\n" +
            "adxl345_axis = z\n" +
            "battery_adc_pin = 34\n" +
            "battery_divider_ratio_milli = 2000\n" +
            "# Whole-board estimates for the power model (hardware/boards/esp32-devkitc/power.md); measure yours.\n" +
            "sleep_current_ua = 6000\n" +
            "active_current_ma = 110\n" +
            "tx_current_ma = 250\n";

        /// <summary>hardware/boards/wroom32-lowpower/board.profile.</summary>
        public const string Wroom32LowPower =
            "# SensorNode board profile (format: docs/spec/board-profile.md)\n" +
            "# Bare ESP32-WROOM-32E on a carrier with an RT9080-33 LDO, no USB-UART, no LED, no DHT22.\n" +
            "# Wiring and rationale: hardware/boards/wroom32-lowpower/README.md\n" +
            "board = wroom32-lowpower\n" +
            "i2c_bus = 1\n" +
            "i2c_sda_pin = 21\n" +
            "i2c_scl_pin = 22\n" +
            "dht22_echo_pin = -1\n" +
            "dht22_trigger_pin = -1\n" +
            "adxl345_address = 0x53\n" +
            "adxl345_int1_pin = 4\n" +
            "adxl345_axis = z\n" +
            "battery_adc_pin = 34\n" +
            "battery_divider_ratio_milli = 2000\n" +
            "# Estimates for the power model (hardware/boards/wroom32-lowpower/README.md); measure yours.\n" +
            "sleep_current_ua = 16\n" +
            "active_current_ma = 100\n" +
            "tx_current_ma = 240\n";

        /// <summary>hardware/boards/esp32-devkitc-ve/board.profile: the updatable reference board.</summary>
        public const string Esp32DevKitCVe =
            "# SensorNode board profile (format: docs/spec/board-profile.md)\n" +
            "# Espressif ESP32-DevKitC-VE (ESP32-WROVER-E, 8 MB flash, 8 MB PSRAM): the updatable reference board.\n" +
            "# Firmware target ESP32_PSRAM_REV3; wiring as the DevKitC: hardware/boards/esp32-devkitc-ve/README.md\n" +
            "board = esp32-devkitc-ve\n" +
            "i2c_bus = 1\n" +
            "i2c_sda_pin = 21\n" +
            "i2c_scl_pin = 22\n" +
            "dht22_echo_pin = 26\n" +
            "dht22_trigger_pin = 25\n" +
            "adxl345_address = 0x53\n" +
            "adxl345_int1_pin = 4\n" +
            "adxl345_axis = z\n" +
            "battery_adc_pin = 34\n" +
            "battery_divider_ratio_milli = 2000\n" +
            "# Whole-board estimates for the power model (as the DevKitC V4, plus the PSRAM); measure yours.\n" +
            "sleep_current_ua = 6000\n" +
            "active_current_ma = 115\n" +
            "tx_current_ma = 250\n" +
            "# Updates (docs/spec/ota-slots.md, slot budget): the managed heap lives in the 8 MB PSRAM;\n" +
            "# I:\\ is 2 MB on 8 MB flash (partitions_nanoclr_8mb.csv): 256 KB for state, 2 x 896 KB slots.\n" +
            "psram_kb = 8192\n" +
            "ota_slot_kb = 896\n";

        /// <summary>The built-in profile named <paramref name="name"/>, or null when there is none.</summary>
        public static string Find(string name)
        {
            if (name == "esp32-devkitc")
            {
                return Esp32DevKitC;
            }

            if (name == "esp32-devkitc-ve")
            {
                return Esp32DevKitCVe;
            }

            return name == "wroom32-lowpower" ? Wroom32LowPower : null;
        }
    }
}
