namespace SensorNode.Core.Sensors.Drivers
{
    /// <summary>ADXL345 register map (Analog Devices ADXL345 datasheet Rev. G, Table 19). Only the registers used.</summary>
    public sealed partial class Adxl345
    {
        internal enum Register : byte
        {
            /// <summary>Device ID, reads 0xE5 (11100101).</summary>
            DEVID = 0x00,

            /// <summary>D4 LOW_POWER, D3–D0 rate code (Table 7): 0x0D = 800 Hz, 0x0E = 1600 Hz, 0x0F = 3200 Hz.</summary>
            BW_RATE = 0x2C,

            /// <summary>D3 Measure: 0 standby, 1 measurement.</summary>
            POWER_CTL = 0x2D,

            /// <summary>Interrupt enables; D1 Watermark.</summary>
            INT_ENABLE = 0x2E,

            /// <summary>Interrupt routing; a 0 bit sends that interrupt to INT1.</summary>
            INT_MAP = 0x2F,

            /// <summary>D3 FULL_RES, D2 Justify, D1–D0 Range (00 ±2 g, 01 ±4 g, 10 ±8 g, 11 ±16 g).</summary>
            DATA_FORMAT = 0x31,

            /// <summary>X axis LSB; DATAX1, DATAY0/1, DATAZ0/1 follow at 0x33–0x37, two's complement, LSB first.</summary>
            DATAX0 = 0x32,

            /// <summary>D7–D6 FIFO_MODE (10 = stream), D5 Trigger, D4–D0 Samples (watermark).</summary>
            FIFO_CTL = 0x38,

            /// <summary>D7 FIFO_TRIG, D5–D0 Entries: FIFO entries waiting.</summary>
            FIFO_STATUS = 0x39,
        }
    }
}
