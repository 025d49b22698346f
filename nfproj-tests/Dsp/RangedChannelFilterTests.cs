using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Dsp
{
    /// <summary>
    /// The node's chain (ChannelFilter with a declared range, docs/spec/signal-chain.md §3.1) gives what the
    /// range-free chain gives, for an average window within the z window (kept by the detector) and beyond it
    /// (a separate MovingAverage), and survives a deep-sleep save/restore (§8) the same way.
    /// </summary>
    [TestClass]
    public class RangedChannelFilterTests
    {
        [DataRow(8, 32)]
        [DataRow(32, 32)]
        [DataRow(40, 32)]
        [DataRow(1, 5)]
        public void RangedChain_MatchesTheRangeFreeChain(int averageWindow, int zWindow)
        {
            ChannelFilter ranged = new ChannelFilter(averageWindow, zWindow, 2500, -4000, 8500);
            ChannelFilter free = new ChannelFilter(averageWindow, zWindow, 2500);
            uint seed = 99;
            for (int i = 0; i < 300; i++)
            {
                seed = unchecked((seed * 1103515245) + 12345);
                int x = i % 97 == 0 ? 8500 : (i % 89 == 0 ? -4000 : 2100 + (int)((seed >> 8) % 201) - 100);
                bool a;
                bool b;
                Assert.AreEqual(free.Update(x, out b), ranged.Update(x, out a), "average at " + i.ToString());
                Assert.AreEqual(b, a, "verdict at " + i.ToString());
                Assert.AreEqual(free.ZMilli, ranged.ZMilli, "z at " + i.ToString());
                Assert.AreEqual(free.HistoryCount, ranged.HistoryCount);
            }

            for (int i = 0; i < ranged.HistoryCount; i++)
            {
                Assert.AreEqual(free.HistoryAt(i), ranged.HistoryAt(i));
            }
        }

        [TestMethod]
        public void Accepts_ExactlyItsRange()
        {
            ChannelFilter f = new ChannelFilter(8, 32, 3000, ChannelRange.Min(Channel.Pressure), ChannelRange.Max(Channel.Pressure));
            Assert.IsTrue(f.Accepts(30000));
            Assert.IsTrue(f.Accepts(110000));
            Assert.IsFalse(f.Accepts(29999));
            Assert.IsFalse(f.Accepts(110001));
        }

        [TestMethod]
        public void RangedChain_SavedAndRestored_ContinuesLikeTheOneThatNeverSlept()
        {
            ChannelFilter[] awake = Filters();
            ChannelFilter[] sleeper = Filters();
            int[] first = { 2150, 2160, 2155, 2170, 2140, 2165 };
            bool anomaly;
            for (int i = 0; i < first.Length; i++)
            {
                awake[0].Update(first[i], out anomaly);
                sleeper[0].Update(first[i], out anomaly);
            }

            SimulatedFileStore store = new SimulatedFileStore();
            new FilterStateFile(store, 2, 4, 5).Save(sleeper);
            ChannelFilter[] woken = Filters();
            Assert.AreEqual((int)FilterStateStatus.Ok, (int)new FilterStateFile(store, 2, 4, 5).Restore(woken));
            int[] next = { 2158, 2600, 2150, 2149 };
            for (int i = 0; i < next.Length; i++)
            {
                bool a;
                bool r;
                Assert.AreEqual(awake[0].Update(next[i], out a), woken[0].Update(next[i], out r));
                Assert.AreEqual(a, r);
                Assert.AreEqual(awake[0].ZMilli, woken[0].ZMilli);
            }
        }

        private static ChannelFilter[] Filters()
        {
            ChannelFilter[] f = new ChannelFilter[5];
            for (int i = 0; i < f.Length; i++)
            {
                f[i] = new ChannelFilter(2, 4, 3000, ChannelRange.Min((Channel)i), ChannelRange.Max((Channel)i));
            }

            return f;
        }
    }
}
