using nanoFramework.TestFramework;
using SensorNode.Core.Duty;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class AwakeGuardTests
    {
        [TestMethod]
        public void BeforeTheBudget_TheGuardDoesNotExpire()
        {
            SimulatedClock clock = new SimulatedClock();
            AwakeGuard guard = new AwakeGuard(clock, 20000, 60000);
            clock.Advance(19999);
            Assert.IsFalse(guard.TryExpire());
            Assert.AreEqual(1L, guard.MillisecondsLeft);
            Assert.IsFalse(guard.Expired);
        }

        [TestMethod]
        public void AtTheBudget_TheGuardTakesOverOnce_AndTheNormalPathMayNotSleepAgain()
        {
            SimulatedClock clock = new SimulatedClock();
            AwakeGuard guard = new AwakeGuard(clock, 20000, 60000);
            clock.Advance(20000);
            Assert.IsTrue(guard.TryExpire());
            Assert.IsTrue(guard.Expired);
            Assert.IsFalse(guard.TryExpire());
            Assert.IsFalse(guard.TryFinish());
            Assert.IsFalse(guard.Kick());
        }

        [TestMethod]
        public void WhenTheNormalPathFinishesFirst_ALateTimerDoesNothing()
        {
            SimulatedClock clock = new SimulatedClock();
            AwakeGuard guard = new AwakeGuard(clock, 20000, 60000);
            clock.Advance(5000);
            Assert.IsTrue(guard.TryFinish());
            clock.Advance(60000);
            Assert.IsFalse(guard.TryExpire());
            Assert.IsFalse(guard.Expired);
            Assert.IsFalse(guard.TryFinish());
        }

        [TestMethod]
        public void Kick_MovesTheDeadline_SoATimerArmedEarlierFiresEarlyAndIsIgnored()
        {
            SimulatedClock clock = new SimulatedClock();
            AwakeGuard guard = new AwakeGuard(clock, 10000, 60000);
            clock.Advance(8000);
            Assert.IsTrue(guard.Kick());
            Assert.AreEqual(18000L, guard.DeadlineMilliseconds);
            clock.Advance(2000);
            Assert.IsFalse(guard.TryExpire());
            Assert.AreEqual(8000L, guard.MillisecondsLeft);
            clock.Advance(8000);
            Assert.IsTrue(guard.TryExpire());
        }

        [TestMethod]
        public void ForcedSleep_IsWhatIsLeftOfTheInterval_ButNeverBelowTheMinimum()
        {
            SimulatedClock clock = new SimulatedClock();
            AwakeGuard guard = new AwakeGuard(clock, 20000, 60000);
            clock.Advance(20000);
            Assert.AreEqual(40000L, guard.ForcedSleepMilliseconds());
            clock.Advance(39900);
            Assert.AreEqual((long)WakeSchedule.MinSleepMilliseconds, guard.ForcedSleepMilliseconds());
            clock.Advance(100000);
            Assert.AreEqual((long)WakeSchedule.MinSleepMilliseconds, guard.ForcedSleepMilliseconds());
        }

        [TestMethod]
        public void ANonPositiveBudget_ExpiresAfterOneMillisecond()
        {
            SimulatedClock clock = new SimulatedClock();
            AwakeGuard guard = new AwakeGuard(clock, 0, 60000);
            Assert.IsFalse(guard.TryExpire());
            clock.Advance(1);
            Assert.IsTrue(guard.TryExpire());
        }
    }
}
