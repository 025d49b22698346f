using nanoFramework.TestFramework;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Simulation
{
    [TestClass]
    public class SimulatedRegisterBusTests
    {
        [TestMethod]
        public void WriteThenWriteRead_AutoIncrementsTheRegisterPointer()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            byte[] write = new byte[] { 0x10, 0xAA, 0xBB, 0xCC };
            Assert.AreEqual((int)BusStatus.Ok, (int)bus.Write(write, 0, 4));
            Assert.AreEqual(3, bus.RegisterWrites);

            byte[] read = new byte[3];
            Assert.AreEqual((int)BusStatus.Ok, (int)bus.WriteRead(write, 0, 1, read, 0, 3));
            Assert.AreEqual(0xAA, (int)read[0]);
            Assert.AreEqual(0xCC, (int)read[2]);
            Assert.AreEqual(2, bus.Transfers);
        }

        [TestMethod]
        public void FailTransfers_FailsOnlyTheChosenRange_WithoutMovingData()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            bus.FailTransfers(1, 2, BusStatus.Timeout);
            byte[] write = new byte[] { 0x20, 0x55 };

            Assert.AreEqual((int)BusStatus.Ok, (int)bus.Write(write, 0, 1));
            Assert.AreEqual((int)BusStatus.Timeout, (int)bus.Write(write, 0, 2));
            Assert.AreEqual((int)BusStatus.Timeout, (int)bus.Write(write, 0, 2));
            Assert.AreEqual(0, (int)bus.Registers[0x20]);
            Assert.AreEqual((int)BusStatus.Ok, (int)bus.Write(write, 0, 2));
            Assert.AreEqual(0x55, (int)bus.Registers[0x20]);
        }

        [TestMethod]
        public void ShortRead_DeliversOnlyThePrefix_PartialTransfer()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            bus.Registers[0] = 1;
            bus.Registers[1] = 2;
            bus.ShortReadAt(0, 1);
            byte[] read = new byte[] { 9, 9 };

            Assert.AreEqual((int)BusStatus.PartialTransfer, (int)bus.Read(read, 0, 2));
            Assert.AreEqual(1, (int)read[0]);
            Assert.AreEqual(9, (int)read[1]);
        }

        [TestMethod]
        public void Absent_NoAcknowledgeOnEveryTransfer()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            bus.Absent = true;
            byte[] buffer = new byte[1];

            Assert.AreEqual((int)BusStatus.NoAcknowledge, (int)bus.Read(buffer, 0, 1));
            Assert.AreEqual((int)BusStatus.NoAcknowledge, (int)bus.Write(buffer, 0, 1));
        }

        [TestMethod]
        public void Fifo_PopsOneFramePerDataRead_DropsOldestWhenFull()
        {
            SimulatedRegisterBus bus = new SimulatedRegisterBus();
            bus.ConfigureFifo(0x32, 2, 0x39, 2);
            Assert.IsTrue(bus.EnqueueFrame(new byte[] { 1, 1 }, 0));
            Assert.IsTrue(bus.EnqueueFrame(new byte[] { 2, 2 }, 0));
            Assert.IsFalse(bus.EnqueueFrame(new byte[] { 3, 3 }, 0));
            Assert.AreEqual(2, (int)bus.Registers[0x39]);

            byte[] address = new byte[] { 0x32 };
            byte[] frame = new byte[2];
            bus.WriteRead(address, 0, 1, frame, 0, 2);

            Assert.AreEqual(2, (int)frame[0]);
            Assert.AreEqual(1, bus.FifoCount);
            Assert.AreEqual(1, (int)bus.Registers[0x39]);
        }
    }
}
