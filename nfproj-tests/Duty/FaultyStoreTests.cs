using System.IO;
using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class FaultyStoreTests
    {
        [TestMethod]
        public void StoreThatAlwaysFails_NodeStillSleepsAnInterval_NoBusyLoop()
        {
            NodeConfig config = new NodeConfig();
            config.SampleIntervalSeconds = 60;
            SimulatedClock clock = new SimulatedClock();
            SimulatedSleepController sleep = new SimulatedSleepController(WakeCause.Timer);
            WakeCycle cycle = new WakeCycle(config, clock, new BrokenStore(), new CountingSampleSource(clock), new SimulatedUplink(clock), sleep);
            WakeReport r = cycle.Run();
            Assert.IsTrue(r.CaughtFault);
            Assert.AreEqual(1, sleep.SleepCount);
            Assert.AreEqual(60000L, r.SleepMilliseconds);
        }

        private sealed class BrokenStore : IFileStore
        {
            public int Length(string name)
            {
                throw new IOException("flash gone");
            }

            public int Read(string name, int position, byte[] buffer, int offset, int count)
            {
                throw new IOException("flash gone");
            }

            public void Append(string name, byte[] buffer, int offset, int count)
            {
                throw new IOException("flash gone");
            }

            public void Replace(string name, byte[] buffer, int offset, int count)
            {
                throw new IOException("flash gone");
            }

            public void Delete(string name)
            {
                throw new IOException("flash gone");
            }

            public void Rename(string from, string to)
            {
                throw new IOException("flash gone");
            }
        }
    }
}
