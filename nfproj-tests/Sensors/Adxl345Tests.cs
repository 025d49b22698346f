using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Sensors.Drivers;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Sensors
{
    [TestClass]
    public class Adxl345Tests
    {
        private const int DevId = 0x00;
        private const int BwRate = 0x2C;
        private const int PowerCtl = 0x2D;
        private const int IntEnable = 0x2E;
        private const int DataFormat = 0x31;
        private const int DataX0 = 0x32;
        private const int FifoCtl = 0x38;
        private const int FifoStatus = 0x39;

        private static SimulatedRegisterBus NewBus()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            bus.Registers[DevId] = 0xE5;
            bus.ConfigureFifo(DataX0, 6, FifoStatus, 32);
            return bus;
        }

        private static void Enqueue(SimulatedRegisterBus bus, int x, int y, int z)
        {
            byte[] frame = new byte[]
            {
                (byte)(x & 0xFF), (byte)((x >> 8) & 0xFF), (byte)(y & 0xFF), (byte)((y >> 8) & 0xFF), (byte)(z & 0xFF), (byte)((z >> 8) & 0xFF),
            };
            bus.EnqueueFrame(frame, 0);
        }

        [TestMethod]
        public void Initialize_WritesDatasheetConfiguration_MeasureLast()
        {
            SimulatedRegisterBus bus = NewBus();
            Adxl345 accel = new Adxl345(bus, 800, 4, Axis.Z);

            Assert.AreEqual((int)ReadingStatus.Ok, (int)accel.Initialize());

            Assert.AreEqual(0x0D, (int)bus.Registers[BwRate]);
            Assert.AreEqual(0x09, (int)bus.Registers[DataFormat]);
            Assert.AreEqual(0x90, (int)bus.Registers[FifoCtl]);
            Assert.AreEqual(0x02, (int)bus.Registers[IntEnable]);
            Assert.AreEqual(0x08, (int)bus.Registers[PowerCtl]);
            Assert.IsTrue(accel.IsInitialized);
        }

        [TestMethod]
        public void Standby_ClearsMeasure_AndNextBurstReconfigures()
        {
            SimulatedRegisterBus bus = NewBus();
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);
            accel.Initialize();

            Assert.AreEqual((int)ReadingStatus.Ok, (int)accel.Standby());
            Assert.AreEqual(0, (int)bus.Registers[PowerCtl]);
            Assert.IsFalse(accel.IsInitialized);

            int[] samples = new int[1];
            int read;
            accel.ReadBurst(samples, 0, 1, out read);
            Assert.AreEqual(0x08, (int)bus.Registers[PowerCtl]);
        }

        [DataRow(0x00)]
        [DataRow(0xE6)]
        [DataRow(0x60)]
        public void Initialize_WrongChipId_NotPresent_AndWritesNothing(int chipId)
        {
            SimulatedRegisterBus bus = NewBus();
            bus.Registers[DevId] = (byte)chipId;
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);

            Assert.AreEqual((int)ReadingStatus.NotPresent, (int)accel.Initialize());
            Assert.AreEqual(0, bus.RegisterWrites);
            Assert.IsFalse(accel.IsInitialized);
        }

        [TestMethod]
        public void Initialize_NoAcknowledge_NotPresent()
        {
            SimulatedRegisterBus bus = NewBus();
            bus.Absent = true;
            Assert.AreEqual((int)ReadingStatus.NotPresent, (int)new Adxl345(bus, 800, 2, Axis.Z).Initialize());
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(7)]
        public void Initialize_FailedTransferAtAnyStep_ReadFailed(int transfer)
        {
            SimulatedRegisterBus bus = NewBus();
            bus.FailTransfers(transfer, 1, BusStatus.Failed);
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);

            Assert.AreEqual((int)ReadingStatus.ReadFailed, (int)accel.Initialize());
            Assert.IsFalse(accel.IsInitialized);
        }

        [TestMethod]
        public void ReadFifo_DatasheetLayout_LittleEndianTwosComplement_FifoTrigBitIgnored()
        {
            SimulatedRegisterBus bus = NewBus();
            bus.Registers[FifoStatus] = 0x80;
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);
            accel.Initialize();
            Enqueue(bus, 256, -256, 511);
            Enqueue(bus, 0, 1, -512);
            int[] xyz = new int[9];
            int entries;

            Assert.AreEqual((int)ReadingStatus.Ok, (int)accel.ReadFifo(xyz, 3, 2, out entries));

            Assert.AreEqual(2, entries);
            Assert.AreEqual(1000, xyz[3]);
            Assert.AreEqual(-1000, xyz[4]);
            Assert.AreEqual(1996, xyz[5]);
            Assert.AreEqual(0, xyz[6]);
            Assert.AreEqual(4, xyz[7]);
            Assert.AreEqual(-2000, xyz[8]);
            Assert.AreEqual(0, bus.FifoCount);
        }

        [TestMethod]
        public void ReadFifo_TakesAtMostMaxEntries_RestStaysQueued()
        {
            SimulatedRegisterBus bus = NewBus();
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);
            accel.Initialize();
            for (int i = 0; i < 5; i++)
            {
                Enqueue(bus, i, i, i);
            }

            int[] xyz = new int[9];
            int entries;
            accel.ReadFifo(xyz, 0, 3, out entries);

            Assert.AreEqual(3, entries);
            Assert.AreEqual(2, bus.FifoCount);
        }

        [TestMethod]
        public void ReadFifo_FifoStatusReportsEntriesInLowSixBits()
        {
            SimulatedRegisterBus bus = NewBus();
            Adxl345 accel = new Adxl345(bus, 3200, 16, Axis.X);
            accel.Initialize();
            for (int i = 0; i < 40; i++)
            {
                Enqueue(bus, i, 0, 0);
            }

            int entries;
            accel.ReadFifoEntries(out entries);

            Assert.AreEqual(32, entries);
        }

        [TestMethod]
        public void ReadBurst_ShortReadOfAnEntry_ReadFailed()
        {
            SimulatedRegisterBus bus = NewBus();
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);
            accel.Initialize();
            Enqueue(bus, 1, 2, 3);
            Enqueue(bus, 1, 2, 3);
            int[] samples = new int[4];
            int read;

            // Next transfers: FIFO_STATUS, entry 1, entry 2 (short).
            bus.ShortReadAt(bus.Transfers + 2, 4);

            Assert.AreEqual((int)ReadingStatus.ReadFailed, (int)accel.ReadBurst(samples, 0, 4, out read));
            Assert.AreEqual(1, read);
        }

        [TestMethod]
        public void ReadBurst_SelectsConfiguredAxis()
        {
            SimulatedRegisterBus bus = NewBus();
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Y);
            Enqueue(bus, 10, 256, 30);
            int[] samples = new int[2];
            int read;

            Assert.AreEqual((int)ReadingStatus.Ok, (int)accel.ReadBurst(samples, 1, 1, out read));
            Assert.AreEqual(1, read);
            Assert.AreEqual(1000, samples[1]);
        }

        [TestMethod]
        public void ReadBurst_AbsentThenConnected_InitializesLazily()
        {
            SimulatedRegisterBus bus = NewBus();
            bus.Absent = true;
            Adxl345 accel = new Adxl345(bus, 800, 2, Axis.Z);
            int[] samples = new int[4];
            int read;

            Assert.AreEqual((int)ReadingStatus.NotPresent, (int)accel.ReadBurst(samples, 0, 4, out read));

            bus.Absent = false;
            Enqueue(bus, 0, 0, -256);
            Assert.AreEqual((int)ReadingStatus.Ok, (int)accel.ReadBurst(samples, 0, 4, out read));
            Assert.AreEqual(1, read);
            Assert.AreEqual(-1000, samples[0]);
        }

        [DataRow(256, 1000)]
        [DataRow(-256, -1000)]
        [DataRow(1, 4)]
        [DataRow(-1, -4)]
        [DataRow(2, 8)]
        [DataRow(4095, 15996)]
        [DataRow(-4096, -16000)]
        [DataRow(0, 0)]
        public void ToMilliG_FullResolutionScale_256LsbPerG(int raw, int milliG)
        {
            Assert.AreEqual(milliG, Adxl345.ToMilliG(raw));
        }

        [DataRow(800, 0x0D)]
        [DataRow(1600, 0x0E)]
        [DataRow(3200, 0x0F)]
        [DataRow(400, -1)]
        [DataRow(0, -1)]
        public void RateCode_MatchesDatasheetTable7(int hertz, int code)
        {
            Assert.AreEqual(code, Adxl345.RateCode(hertz));
        }

        [TestMethod]
        public void Constructor_UnsupportedRateOrRange_Throws()
        {
            SimulatedRegisterBus bus = NewBus();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Adxl345(bus, 400, 2, Axis.Z));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Adxl345(bus, 800, 3, Axis.Z));
        }
    }
}
