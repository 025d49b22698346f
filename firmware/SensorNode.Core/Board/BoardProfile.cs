using SensorNode.Core.Sensors.Drivers;

namespace SensorNode.Core.Board
{
    /// <summary>
    /// How one board is wired and what it draws (docs/spec/board-profile.md): the pin map, I2C addresses fixed by
    /// wiring, and currents for the power model. GPIO numbers are ESP32 GPIOs; −1 means not connected.
    /// The BME280 address is not here: breakouts differ, so it is provisioned per node (NodeConfig.Bme280Address).
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Profile name, [a-z0-9-]{1,32} (key board).</summary>
        public string Name;

        /// <summary>nanoFramework I2C bus id, 1 or 2 (key i2c_bus).</summary>
        public int I2cBus;

        /// <summary>I2C SDA GPIO (key i2c_sda_pin).</summary>
        public int I2cSdaPin;

        /// <summary>I2C SCL GPIO (key i2c_scl_pin).</summary>
        public int I2cSclPin;

        /// <summary>DHT22 RMT receive GPIO, wired to the data line (key dht22_echo_pin); −1 when no DHT22.</summary>
        public int Dht22EchoPin;

        /// <summary>DHT22 trigger GPIO, also wired to the data line (key dht22_trigger_pin); −1 when no DHT22.</summary>
        public int Dht22TriggerPin;

        /// <summary>ADXL345 I2C address, 0x53 or 0x1D (key adxl345_address); −1 when no accelerometer.</summary>
        public int Adxl345Address;

        /// <summary>GPIO wired to the ADXL345 INT1 output (key adxl345_int1_pin); −1 when not wired.</summary>
        public int Adxl345Int1Pin;

        /// <summary>Accelerometer axis along the vibration to measure (key adxl345_axis: x, y or z).</summary>
        public Axis Adxl345Axis;

        /// <summary>ADC1 GPIO (32–39) reading the battery divider (key battery_adc_pin); −1 when none.</summary>
        public int BatteryAdcPin;

        /// <summary>Battery voltage / ADC voltage, thousandths (key battery_divider_ratio_milli; 2000 for two equal resistors).</summary>
        public int BatteryDividerRatioMilli;

        /// <summary>Whole-board current in deep sleep, µA (key sleep_current_ua).</summary>
        public int SleepCurrentMicroAmps;

        /// <summary>Whole-board current awake with the radio off or idle, mA (key active_current_ma).</summary>
        public int ActiveCurrentMilliAmps;

        /// <summary>Whole-board current while transmitting, mA (key tx_current_ma).</summary>
        public int TxCurrentMilliAmps;

        /// <summary>Timer to application start (bootloader + runtime), ms (key boot_ms; power model).</summary>
        public int BootMilliseconds;

        /// <summary>Wi-Fi association after deep sleep, ms (key wifi_connect_ms; power model).</summary>
        public int WifiConnectMilliseconds;

        /// <summary>Full TLS handshake, ms (key tls_handshake_ms; power model).</summary>
        public int TlsHandshakeMilliseconds;

        /// <summary>PSRAM the firmware gives the managed heap, KB (key psram_kb; 0: none, the heap is ~100 KB of internal RAM).</summary>
        public int PsramKiloBytes;

        /// <summary>Largest signed update image one slot on I:\ may hold, KB (key ota_slot_kb; 0: no field updates, docs/spec/ota-slots.md §11).</summary>
        public int OtaSlotKiloBytes;

        /// <summary>True when the board takes signed updates in the field (a slot budget, and PSRAM to load an image into).</summary>
        public bool IsUpdatable
        {
            get { return OtaSlotKiloBytes > 0 && PsramKiloBytes > 0; }
        }

        /// <summary>Creates a profile holding the defaults of the optional keys and nothing else.</summary>
        public BoardProfile()
        {
            Reset();
        }

        /// <summary>True when a DHT22 is wired.</summary>
        public bool HasDht22
        {
            get { return Dht22EchoPin >= 0 && Dht22TriggerPin >= 0; }
        }

        /// <summary>True when an ADXL345 is wired.</summary>
        public bool HasAdxl345
        {
            get { return Adxl345Address >= 0; }
        }

        /// <summary>Clears every field to the defaults of docs/spec/board-profile.md §3 (required keys to 0 / empty).</summary>
        public void Reset()
        {
            Name = string.Empty;
            I2cBus = 0;
            I2cSdaPin = 0;
            I2cSclPin = 0;
            Dht22EchoPin = -1;
            Dht22TriggerPin = -1;
            Adxl345Address = -1;
            Adxl345Int1Pin = -1;
            Adxl345Axis = Axis.Z;
            BatteryAdcPin = -1;
            BatteryDividerRatioMilli = 2000;
            SleepCurrentMicroAmps = 0;
            ActiveCurrentMilliAmps = 0;
            TxCurrentMilliAmps = 0;
            BootMilliseconds = 400;
            WifiConnectMilliseconds = 700;
            TlsHandshakeMilliseconds = 2000;
            PsramKiloBytes = 0;
            OtaSlotKiloBytes = 0;
        }
    }
}
