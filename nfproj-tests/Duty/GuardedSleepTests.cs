using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class GuardedSleepTests
    {
        [TestMethod]
        public void WithinTheBudget_TheWakeCycleSleeps_AndTheWatchdogStandsDown()
        {
            SimulatedClock clock = new SimulatedClock();
            SimulatedSleepController platform = new SimulatedSleepController(WakeCause.Timer);
            AwakeGuard guard = new AwakeGuard(clock, 20000, 60000);
            GuardedSleep sleep = new GuardedSleep(platform, guard);
            Assert.AreEqual(WakeCause.Timer, sleep.WakeCause);
            clock.Advance(3000);
            sleep.DeepSleep(57000);
            Assert.AreEqual(1, platform.SleepCount);
            Assert.AreEqual(57000L, platform.LastSleepMilliseconds);
            clock.Advance(30000);
            Assert.IsFalse(guard.TryExpire());
        }

        [TestMethod]
        public void AfterTheWatchdogExpired_TheWakeCycleDoesNotSleepASecondTime()
        {
            SimulatedClock clock = new SimulatedClock();
            SimulatedSleepController platform = new SimulatedSleepController(WakeCause.PowerOn);
            AwakeGuard guard = new AwakeGuard(clock, 20000, 60000);
            GuardedSleep sleep = new GuardedSleep(platform, guard);
            clock.Advance(25000);
            Assert.IsTrue(guard.TryExpire());
            sleep.DeepSleep(35000);
            Assert.AreEqual(0, platform.SleepCount);
            Assert.IsTrue(sleep.Preempted);
        }

        [TestMethod]
        public void AWakeCycleWhoseUplinkHangs_IsEndedByTheGuard_AndBacksOffNextWake()
        {
            // The uplink "hangs": its Connect moves the clock past the whole budget, the watchdog fires and the chip
            // stops there (modelled as a power cut). The wake cycle stored the reading before the radio and counted
            // the attempt as failed, so the forced sleep loses nothing and the next wake backs off.
            SimulatedClock clock = new SimulatedClock();
            SimulatedFileStore store = new SimulatedFileStore();
            SimulatedSleepController platform = new SimulatedSleepController(WakeCause.PowerOn);
            NodeConfig config = new NodeConfig();
            config.Mode = NodeMode.DeepSleep;
            AwakeGuard guard = new AwakeGuard(clock, config.AwakeBudgetMilliseconds, config.SampleIntervalSeconds * 1000L);
            HangingUplink uplink = new HangingUplink(clock, guard);
            WakeCycle cycle = new WakeCycle(config, clock, store, new CountingSampleSource(clock), uplink, new GuardedSleep(platform, guard));
            Assert.ThrowsException(typeof(PowerCutException), () => cycle.Run());
            Assert.IsTrue(guard.Expired, "the guard fired while the uplink hung");
            Assert.AreEqual(0, platform.SleepCount);
            long forced = guard.ForcedSleepMilliseconds();
            Assert.IsTrue(forced >= WakeSchedule.MinSleepMilliseconds && forced < config.SampleIntervalSeconds * 1000L, "forced sleep " + forced.ToString());

            clock.Boot();
            WakeCycle next = new WakeCycle(config, clock, store, new CountingSampleSource(clock), uplink, new SimulatedSleepController(WakeCause.Timer));
            Assert.AreEqual((int)LoadOutcome.Loaded, (int)next.Log.Load());
            Assert.AreEqual(1, next.Log.State.RetainedCount);
            Assert.AreEqual(1, next.Log.State.ConnectFailuresInRow);
            Assert.IsTrue(next.Log.State.RadioAllowedAtWake > next.Log.State.Wakes, "backing off");
        }

        private sealed class HangingUplink : IUplink
        {
            private readonly SimulatedClock _clock;
            private readonly AwakeGuard _guard;

            public HangingUplink(SimulatedClock clock, AwakeGuard guard)
            {
                _clock = clock;
                _guard = guard;
            }

            public UplinkStatus Connect(long deadlineMilliseconds)
            {
                _clock.AdvanceTo(_guard.DeadlineMilliseconds);
                if (_guard.TryExpire())
                {
                    throw new PowerCutException(-1); // the watchdog put the chip to sleep here
                }

                return UplinkStatus.Timeout;
            }

            public int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds)
            {
                return 0;
            }

            public UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds)
            {
                return UplinkStatus.NotConnected;
            }

            public UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds)
            {
                return UplinkStatus.NotConnected;
            }

            public int ProcessCommands(long deadlineMilliseconds)
            {
                return 0;
            }

            public UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds)
            {
                return UplinkStatus.NotConnected;
            }
        }
    }
}
