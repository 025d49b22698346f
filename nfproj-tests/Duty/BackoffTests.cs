using nanoFramework.TestFramework;
using SensorNode.Core.Duty;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class BackoffTests
    {
        [TestMethod]
        public void NominalDelay_DoublesPerFailure_UpToTheCap()
        {
            Assert.AreEqual(0L, Backoff.NominalDelaySeconds(0, 60, 3600));
            Assert.AreEqual(60L, Backoff.NominalDelaySeconds(1, 60, 3600));
            Assert.AreEqual(120L, Backoff.NominalDelaySeconds(2, 60, 3600));
            Assert.AreEqual(1920L, Backoff.NominalDelaySeconds(6, 60, 3600));
            Assert.AreEqual(3600L, Backoff.NominalDelaySeconds(7, 60, 3600));
            Assert.AreEqual(3600L, Backoff.NominalDelaySeconds(1000, 60, 3600));
        }

        [TestMethod]
        public void WakesToWait_StaysBetweenHalfAndFullDelay_AndVaries()
        {
            uint state = 1;
            int min = int.MaxValue;
            int max = 0;
            for (int i = 0; i < 500; i++)
            {
                // failure 5: 960 s nominal, 60 s interval -> 8..16 wakes
                int wakes = Backoff.WakesToWait(5, 60, 3600, 60, ref state);
                Assert.IsTrue(wakes >= 8 && wakes <= 16, "wakes " + wakes);
                min = wakes < min ? wakes : min;
                max = wakes > max ? wakes : max;
            }

            Assert.AreEqual(8, min);
            Assert.AreEqual(16, max);
        }

        [TestMethod]
        public void WakesToWait_IsAtLeastOneWake()
        {
            uint state = 7;
            Assert.AreEqual(1, Backoff.WakesToWait(1, 1, 3600, 600, ref state));
        }

        [TestMethod]
        public void NextRandom_ZeroStateIsReseeded()
        {
            uint state = 0;
            Assert.AreNotEqual(0u, Backoff.NextRandom(ref state));
            Assert.AreNotEqual(0u, state);
        }
    }
}
