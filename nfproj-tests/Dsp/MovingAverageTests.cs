using System;
using nanoFramework.TestFramework;
using SensorNode.Core.Dsp;

namespace NFUnitTest.Dsp
{
    [TestClass]
    public class MovingAverageTests
    {
        [TestMethod]
        public void Mean_CoversMinOfTAndN()
        {
            MovingAverage avg = new MovingAverage(3);
            Assert.AreEqual(10, avg.Update(10));
            Assert.AreEqual(15, avg.Update(20));
            Assert.AreEqual(20, avg.Update(30));
            Assert.AreEqual(30, avg.Update(40));
            Assert.AreEqual(3, avg.Count);
        }

        [TestMethod]
        public void Mean_RoundsHalfAwayFromZero()
        {
            MovingAverage avg = new MovingAverage(2);
            avg.Update(1);
            Assert.AreEqual(2, avg.Update(2));
            MovingAverage neg = new MovingAverage(2);
            neg.Update(-1);
            Assert.AreEqual(-2, neg.Update(-2));
        }

        [TestMethod]
        public void Mean_LargestAmplitudeAtLargestWindow_DoesNotOverflow()
        {
            MovingAverage avg = new MovingAverage(MovingAverage.MaxWindow);
            for (int i = 0; i < MovingAverage.MaxWindow * 2; i++)
            {
                avg.Update(int.MaxValue);
            }

            Assert.AreEqual(int.MaxValue, avg.Mean);
        }

        [DataRow(0)]
        [DataRow(4097)]
        [DataRow(-1)]
        public void Constructor_WindowOutOfRange_Throws(int window)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MovingAverage(window));
        }
    }
}
