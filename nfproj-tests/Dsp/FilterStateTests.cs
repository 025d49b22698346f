using nanoFramework.TestFramework;
using NFUnitTest.Ota;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Dsp
{
    /// <summary>docs/spec/signal-chain.md §8: vector filters-windows-2-3.hex (embedded) and exact continuation after a restore.</summary>
    [TestClass]
    public class FilterStateTests
    {
        private const string VectorHex = "534e4653010502000300000003006608000070080000fbffffff0100b21100000000030064000000c80000002c01000002008605000086050000d85c7b75";

        [TestMethod]
        public void SpecInputs_EncodeToTheVector()
        {
            ChannelFilter[] f = Filters(2, 3);
            Feed(f[0], new int[] { 2150, 2160, -5 });
            Feed(f[1], new int[] { 4530 });
            Feed(f[3], new int[] { 50, 100, 200, 300 });
            Feed(f[4], new int[] { 1414, 1414 });
            byte[] b = new byte[FilterStateFile.MaxLength(3, 5)];
            int n = FilterStateFile.Encode(f, 2, 3, b);
            byte[] encoded = new byte[n];
            System.Array.Copy(b, encoded, n);
            Assert.AreEqual(VectorHex, Hex.Format(encoded));
        }

        [TestMethod]
        public void Restored_ContinuesLikeTheFilterThatNeverSlept()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            byte[] vector = Hex.Parse(VectorHex);
            store.Replace(FilterStateFile.FileName, vector, 0, vector.Length);
            ChannelFilter[] restored = Filters(2, 3);
            Assert.AreEqual((int)FilterStateStatus.Ok, (int)new FilterStateFile(store, 2, 3, 5).Restore(restored));
            ChannelFilter awake = new ChannelFilter(2, 3, 3000);
            Feed(awake, new int[] { 50, 100, 200, 300 });
            int[] next = { 310, 290, 5000, 305 };
            for (int i = 0; i < next.Length; i++)
            {
                bool a;
                bool r;
                Assert.AreEqual(awake.Update(next[i], out a), restored[3].Update(next[i], out r));
                Assert.AreEqual(a, r);
                Assert.AreEqual(awake.ZMilli, restored[3].ZMilli);
            }
        }

        private static ChannelFilter[] Filters(int average, int z)
        {
            ChannelFilter[] f = new ChannelFilter[5];
            for (int i = 0; i < f.Length; i++)
            {
                f[i] = new ChannelFilter(average, z, 3000);
            }

            return f;
        }

        private static void Feed(ChannelFilter f, int[] values)
        {
            bool anomaly;
            for (int i = 0; i < values.Length; i++)
            {
                f.Update(values[i], out anomaly);
            }
        }
    }
}
