using System;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors.Drivers
{
    /// <summary>
    /// ADXL345 3-axis accelerometer on an <see cref="IRegisterBus"/> (I2C), sampling continuously into its
    /// 32-entry FIFO in stream mode; bursts are drained into caller-owned buffers with no allocation per
    /// read. Full-resolution mode, so every range scales at 256 LSB/g (3.90625 mg/LSB, datasheet Table 1).
    /// The datasheet recommends 800 Hz only with a bus of at least 400 kHz and 1600/3200 Hz only over SPI
    /// at 2 MHz or more (notes to Table 7); over I2C the higher rates are accepted but the FIFO may
    /// overflow between bursts, losing samples (the crest window then spans a gap).
    /// </summary>
    public sealed partial class Adxl345 : IVibrationSensor
    {
        /// <summary>I2C address with ALT ADDRESS tied low (datasheet, I2C section).</summary>
        public const int DefaultI2cAddress = 0x53;

        /// <summary>I2C address with ALT ADDRESS tied high.</summary>
        public const int AlternateI2cAddress = 0x1D;

        /// <summary>DEVID value of every ADXL345.</summary>
        public const byte ChipId = 0xE5;

        /// <summary>FIFO depth, in x/y/z entries.</summary>
        public const int FifoDepth = 32;

        /// <summary>Bytes per FIFO entry: X, Y, Z as 16-bit little-endian.</summary>
        public const int EntryBytes = 6;

        /// <summary>FIFO watermark used for the INT1 watermark interrupt: half the FIFO.</summary>
        public const int Watermark = 16;

        private const byte MeasureBit = 0x08;
        private const byte FullResolutionBit = 0x08;
        private const byte StreamMode = 0x80;
        private const byte WatermarkInterrupt = 0x02;

        private readonly IRegisterBus _bus;
        private readonly byte _rateCode;
        private readonly byte _rangeCode;
        private readonly int _axis;
        private readonly byte[] _tx = new byte[2];
        private readonly byte[] _rx = new byte[EntryBytes];

        /// <summary>
        /// Creates a driver for output data rate <paramref name="rateHertz"/> (800, 1600 or 3200),
        /// range ±<paramref name="rangeG"/> g (2, 4, 8 or 16) and the axis used for vibration.
        /// </summary>
        public Adxl345(IRegisterBus bus, int rateHertz, int rangeG, Axis axis)
        {
            int rateCode = RateCode(rateHertz);
            int rangeCode = RangeCode(rangeG);
            if (rateCode < 0)
            {
                throw new ArgumentOutOfRangeException("rateHertz");
            }

            if (rangeCode < 0)
            {
                throw new ArgumentOutOfRangeException("rangeG");
            }

            _bus = bus;
            _rateCode = (byte)rateCode;
            _rangeCode = (byte)rangeCode;
            _axis = (int)axis;
            SampleRateHertz = rateHertz;
            FullScaleMilliG = rangeG * 1000;
        }

        /// <inheritdoc />
        public int SampleRateHertz { get; private set; }

        /// <inheritdoc />
        public int FullScaleMilliG { get; private set; }

        /// <summary>True once <see cref="Initialize"/> has succeeded.</summary>
        public bool IsInitialized { get; private set; }

        /// <summary>BW_RATE rate code for an output data rate (Table 7), or −1 when not supported here.</summary>
        public static int RateCode(int rateHertz)
        {
            switch (rateHertz)
            {
                case 800: return 0x0D;
                case 1600: return 0x0E;
                case 3200: return 0x0F;
                default: return -1;
            }
        }

        /// <summary>DATA_FORMAT range bits for ±<paramref name="rangeG"/> g, or −1 when invalid.</summary>
        public static int RangeCode(int rangeG)
        {
            switch (rangeG)
            {
                case 2: return 0;
                case 4: return 1;
                case 8: return 2;
                case 16: return 3;
                default: return -1;
            }
        }

        /// <summary>Converts a full-resolution raw count to milli-g: raw · 1000 / 256, rounded half away from zero.</summary>
        public static int ToMilliG(int raw)
        {
            int scaled = raw * 1000;
            return scaled >= 0 ? (scaled + 128) / 256 : -((-scaled + 128) / 256);
        }

        /// <summary>
        /// Checks DEVID, then configures in standby (rate, full resolution + range, stream FIFO with watermark
        /// on INT1) and only then sets Measure, so no sample is taken with a half-written configuration. Returns Ok,
        /// NotPresent (no acknowledge or wrong chip id) or ReadFailed.
        /// </summary>
        public ReadingStatus Initialize()
        {
            IsInitialized = false;
            ReadingStatus status = ReadRegister(Register.DEVID);
            if (status != ReadingStatus.Ok)
            {
                return status;
            }

            if (_rx[0] != ChipId)
            {
                return ReadingStatus.NotPresent;
            }

            status = WriteRegister(Register.POWER_CTL, 0);
            status = Next(status, Register.BW_RATE, _rateCode);
            status = Next(status, Register.DATA_FORMAT, (byte)(FullResolutionBit | _rangeCode));
            status = Next(status, Register.FIFO_CTL, (byte)(StreamMode | Watermark));
            status = Next(status, Register.INT_MAP, 0);
            status = Next(status, Register.INT_ENABLE, WatermarkInterrupt);
            status = Next(status, Register.POWER_CTL, MeasureBit);
            IsInitialized = status == ReadingStatus.Ok;
            return status;
        }

        /// <summary>
        /// Clears Measure (standby: 0.1 µA typ. instead of up to about 140 µA measuring, datasheet Table 1/7);
        /// call before deep sleep. The next <see cref="ReadBurst"/> configures the device again.
        /// </summary>
        public ReadingStatus Standby()
        {
            IsInitialized = false;
            return WriteRegister(Register.POWER_CTL, 0);
        }

        /// <summary>Number of FIFO entries waiting (FIFO_STATUS D5–D0), in <paramref name="entries"/>.</summary>
        public ReadingStatus ReadFifoEntries(out int entries)
        {
            ReadingStatus status = ReadRegister(Register.FIFO_STATUS);
            entries = status == ReadingStatus.Ok ? _rx[0] & 0x3F : 0;
            return status;
        }

        /// <summary>
        /// Drains up to <paramref name="maxEntries"/> waiting FIFO entries as interleaved x, y, z milli-g into
        /// <paramref name="xyzMilliG"/> from <paramref name="offset"/>. Each entry is one 6-byte burst from
        /// DATAX0 (datasheet, Retrieving Data from FIFO: each multi-byte read of the data registers pops one level).
        /// </summary>
        public ReadingStatus ReadFifo(int[] xyzMilliG, int offset, int maxEntries, out int entries)
        {
            entries = 0;
            int waiting;
            ReadingStatus status = ReadFifoEntries(out waiting);
            if (status != ReadingStatus.Ok)
            {
                return status;
            }

            int count = waiting < maxEntries ? waiting : maxEntries;
            for (int i = 0; i < count; i++)
            {
                status = ReadEntry();
                if (status != ReadingStatus.Ok)
                {
                    return status;
                }

                int at = offset + (i * 3);
                xyzMilliG[at] = AxisMilliG(0);
                xyzMilliG[at + 1] = AxisMilliG(1);
                xyzMilliG[at + 2] = AxisMilliG(2);
                entries++;
            }

            return ReadingStatus.Ok;
        }

        /// <inheritdoc />
        public ReadingStatus ReadBurst(int[] samplesMilliG, int offset, int count, out int read)
        {
            read = 0;
            if (!IsInitialized)
            {
                ReadingStatus init = Initialize();
                if (init != ReadingStatus.Ok)
                {
                    return init;
                }
            }

            int waiting;
            ReadingStatus status = ReadFifoEntries(out waiting);
            int n = waiting < count ? waiting : count;
            for (int i = 0; i < n && status == ReadingStatus.Ok; i++)
            {
                status = ReadEntry();
                if (status == ReadingStatus.Ok)
                {
                    samplesMilliG[offset + i] = AxisMilliG(_axis);
                    read++;
                }
            }

            return status;
        }

        private int AxisMilliG(int axis)
        {
            int at = axis * 2;
            return ToMilliG((short)(_rx[at] | (_rx[at + 1] << 8)));
        }

        private ReadingStatus ReadEntry()
        {
            _tx[0] = (byte)Register.DATAX0;
            return FromBus(_bus.WriteRead(_tx, 0, 1, _rx, 0, EntryBytes));
        }

        private ReadingStatus ReadRegister(Register register)
        {
            _tx[0] = (byte)register;
            return FromBus(_bus.WriteRead(_tx, 0, 1, _rx, 0, 1));
        }

        private ReadingStatus WriteRegister(Register register, byte value)
        {
            _tx[0] = (byte)register;
            _tx[1] = value;
            return FromBus(_bus.Write(_tx, 0, 2));
        }

        private ReadingStatus Next(ReadingStatus previous, Register register, byte value)
        {
            return previous == ReadingStatus.Ok ? WriteRegister(register, value) : previous;
        }

        private static ReadingStatus FromBus(BusStatus status)
        {
            if (status == BusStatus.Ok)
            {
                return ReadingStatus.Ok;
            }

            return status == BusStatus.NoAcknowledge ? ReadingStatus.NotPresent : ReadingStatus.ReadFailed;
        }
    }
}
