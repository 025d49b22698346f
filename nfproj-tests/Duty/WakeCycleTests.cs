using nanoFramework.TestFramework;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class WakeCycleTests
    {
        [TestMethod]
        public void FirstBoot_PublishesAndSleepsOneIntervalMinusAwakeTime()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 10;
            WakeReport r = rig.Wake();
            Assert.IsTrue((r.Reasons & PublishReason.FirstBoot) != 0);
            Assert.AreEqual(UplinkStatus.Ok, r.ConnectStatus);
            Assert.AreEqual(1, r.ReadingsAcknowledged);
            Assert.AreEqual(0, r.ReadingsRetained);
            Assert.AreEqual(1u, r.Sequence);
            Assert.AreEqual(60000L - r.AwakeMilliseconds, r.SleepMilliseconds);
            Assert.AreEqual(1, rig.Uplink.SleepAnnouncements);
        }

        [TestMethod]
        public void Batching_PublishesEveryNthWake_WithOneRadioSessionEach()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 5;
            rig.Wake();
            for (int i = 1; i <= 20; i++)
            {
                WakeReport r = rig.Wake();
                bool due = i % 5 == 0;
                Assert.AreEqual(due, r.RadioAttempted, "wake " + i);
                Assert.AreEqual(due ? 5 : 0, r.ReadingsAcknowledged);
                Assert.AreEqual(due ? 0 : i % 5, r.ReadingsRetained);
            }

            Assert.AreEqual(5, rig.Uplink.Sessions);
            Assert.AreEqual(21, rig.DistinctPublished());
        }

        [TestMethod]
        public void Anomaly_PublishesAtOnce()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 100;
            rig.Source.AnomalyAt = 4;
            rig.Wakes(3);
            WakeReport r = rig.Wake();
            Assert.AreEqual(PublishReason.Anomaly, r.Reasons);
            Assert.AreEqual(3, r.ReadingsAcknowledged);
        }

        [TestMethod]
        public void MaxLatency_PublishesBeforeTheOldestWaitsLonger()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 100;
            rig.Config.MaxLatencySeconds = 300;
            rig.Wake();
            for (int i = 1; i <= 4; i++)
            {
                Assert.IsFalse(rig.Wake().RadioAttempted);
            }

            WakeReport r = rig.Wake();
            Assert.AreEqual(PublishReason.MaxLatency, r.Reasons);
            Assert.AreEqual(5, r.ReadingsAcknowledged);
        }

        [TestMethod]
        public void CommandWindow_ForcesARadioSessionWithNothingElseDue()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 1000;
            rig.Config.MaxLatencySeconds = 100000;
            rig.Config.CommandWindowSeconds = 600;
            rig.Wake();
            rig.Wakes(9);
            WakeReport r = rig.Wake();
            Assert.IsTrue((r.Reasons & PublishReason.CommandWindow) != 0);
            Assert.IsTrue(r.RadioAttempted);
            Assert.AreEqual(2, rig.Uplink.Sessions);
        }

        [TestMethod]
        public void SilentBroker_AcceptsTcpNeverAnswers_NodeStillSleepsOnTime()
        {
            DutyRig rig = new DutyRig();
            rig.Uplink.Silent = true;
            WakeReport first = rig.Wake();
            Assert.AreEqual(UplinkStatus.Timeout, first.ConnectStatus);
            Assert.IsTrue(first.DeadlineHit);
            Assert.IsTrue(first.AwakeMilliseconds <= rig.Config.AwakeBudgetMilliseconds);
            Assert.AreEqual(60000L - first.AwakeMilliseconds, first.SleepMilliseconds);

            rig.Uplink.Silent = false;
            rig.Uplink.SilentAfterConnect = true;
            rig.Config.BackoffBaseSeconds = 1;
            for (int i = 0; i < 6; i++)
            {
                WakeReport r = rig.Wake();
                Assert.IsTrue(r.AwakeMilliseconds <= rig.Config.AwakeBudgetMilliseconds);
            }

            long firstFired = (long)rig.TimerFiredAt[0];
            long lastFired = (long)rig.TimerFiredAt[rig.TimerFiredAt.Count - 1];
            Assert.AreEqual(60000L * (rig.TimerFiredAt.Count - 1), lastFired - firstFired);
            Assert.AreEqual(rig.Source.Count - 0, (int)rig.Last.Log.State.NextSequence - 1);
            Assert.AreEqual(0, rig.DistinctPublished());
        }

        [TestMethod]
        public void BrownoutOnEveryConnect_ResetLoopBacksOff_ReadingsKept()
        {
            DutyRig rig = new DutyRig();
            rig.Wake();
            rig.Uplink.BrownoutOnConnect = true;
            int boots = 0;
            for (int i = 0; i < 40; i++)
            {
                try
                {
                    rig.Wake();
                }
                catch (SensorNode.Core.Simulation.PowerCutException)
                {
                    boots++;
                    rig.PowerOnAfterCut();
                }
            }

            // Every attempt died, yet later boots respect the backoff: far fewer attempts than wakes.
            Assert.IsTrue(boots >= WakeCycle.FirstBootRetryLimit);
            Assert.IsTrue(rig.Uplink.ConnectAttempts < 15, "attempts " + rig.Uplink.ConnectAttempts);
            rig.Uplink.BrownoutOnConnect = false;
            rig.Config.BackoffMaxSeconds = 60;
            rig.Wakes(3);
            Assert.AreEqual(rig.Source.Count, rig.DistinctPublished(), "readings stored before each radio attempt survived the resets");
        }

        [TestMethod]
        public void WakeOverrunningTheInterval_SkipsToTheNextSlotOnTheGrid()
        {
            DutyRig rig = new DutyRig();
            rig.Config.SampleIntervalSeconds = 10;
            rig.Config.AwakeBudgetMilliseconds = 25000;
            rig.Config.BackoffBaseSeconds = 1;
            rig.Config.BackoffMaxSeconds = 1;
            rig.Wake();
            rig.Uplink.SilentAfterConnect = true;
            WakeReport r = rig.Wake();
            Assert.IsTrue(r.SkippedSlots >= 2, "skipped " + r.SkippedSlots);
            rig.Uplink.SilentAfterConnect = false;
            rig.Wakes(3);
            long first = (long)rig.TimerFiredAt[0];
            for (int k = 1; k < rig.TimerFiredAt.Count; k++)
            {
                Assert.AreEqual(0L, ((long)rig.TimerFiredAt[k] - first) % 10000L, "timer " + k + " on the 10 s grid");
            }
        }

        [TestMethod]
        public void SlowSensors_EatTheBudget_RadioDeferredReadingKept()
        {
            DutyRig rig = new DutyRig();
            rig.Source.SampleMilliseconds = 9500;
            WakeReport r = rig.Wake();
            Assert.IsTrue(r.RadioDeferred);
            Assert.IsFalse(r.RadioAttempted);
            Assert.AreEqual(1, r.ReadingsRetained);
        }

        [TestMethod]
        public void BrokerDownKCycles_ThenUp_NothingLostBelowCapacity_AttemptsSpacedOut()
        {
            DutyRig rig = new DutyRig();
            rig.Uplink.FailConnects = 6;
            int wakes = 0;
            while (rig.Uplink.FailConnects > 0)
            {
                WakeReport r = rig.Wake();
                wakes++;
                Assert.AreEqual(wakes, (int)r.Sequence);
                Assert.IsTrue(wakes < 200);
            }

            Assert.IsTrue(rig.Uplink.ConnectAttempts < wakes, "backoff spaced the attempts");
            Assert.IsTrue(rig.Last.Log.State.RetainedCount > 0);
            rig.Wakes(20);
            Assert.AreEqual(0, rig.Last.Log.State.RetainedCount);
            Assert.AreEqual(0, rig.Last.Log.State.ReadingsDropped);
            Assert.AreEqual(rig.Source.Count, rig.DistinctPublished());
            Assert.AreEqual(0, rig.Uplink.LastHealth.ConnectFailuresInRow);
        }

        [TestMethod]
        public void BrokerDownBeyondCapacity_OldestDropped_AndCounted()
        {
            DutyRig rig = new DutyRig();
            rig.Config.RetainedCapacityReadings = 8;
            rig.Config.BackoffMaxSeconds = 120;
            rig.Uplink.FailConnects = 10;
            while (rig.Uplink.FailConnects > 0)
            {
                rig.Wake();
            }

            rig.Wakes(5);
            int dropped = rig.Last.Log.State.ReadingsDropped;
            Assert.IsTrue(dropped > 0);
            Assert.AreEqual(rig.Source.Count - dropped, rig.DistinctPublished());
            Assert.AreEqual(dropped, rig.Uplink.LastHealth.ReadingsDropped);
            Assert.AreEqual(0, rig.Last.Log.State.RetainedCount);
        }

        [TestMethod]
        public void PartialAcks_UnacknowledgedStayStored_AndGoOutLater()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 6;
            rig.Uplink.AckLimitPerBatch = 2;
            rig.Wake();
            WakeReport r = rig.Wakes(6);
            Assert.AreEqual(2, r.ReadingsAcknowledged);
            Assert.AreEqual(4, r.ReadingsRetained);
            rig.Uplink.AckLimitPerBatch = -1;
            rig.Config.PublishEvery = 1;
            rig.Wakes(6);
            Assert.AreEqual(rig.Source.Count, rig.DistinctPublished());
            Assert.AreEqual(rig.Uplink.Published.Count, rig.DistinctPublished(), "no duplicates");
        }

        [TestMethod]
        public void CorruptStateFile_CleanStart_FaultCountedAndReported()
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 100;
            rig.Wakes(5);
            uint before = rig.Last.Log.State.NextSequence;
            rig.Store.Corrupt(ReadingLog.LogName, RetainedCodec.HeaderSize + RetainedCodec.CheckpointSize + RetainedCodec.ReadingSize + 5, 0x40);
            rig.Sleep.WakeCause = WakeCause.PowerOn;
            WakeReport r = rig.Wake();
            Assert.AreEqual(LoadOutcome.CleanStart, r.Load);
            Assert.AreEqual(RecordStatus.BadCrc, r.Fault);
            Assert.AreEqual(1, rig.Uplink.LastHealth.StateFaults);
            Assert.IsTrue(r.Sequence >= 2u && r.Sequence < before + 1, "sequence continues above the last trusted reading");
            Assert.AreEqual(LoadOutcome.Loaded, rig.Wake().Load);
            Assert.AreEqual(1, rig.Last.Log.State.StateFaults);
        }

        [TestMethod]
        public void Drift_ThreeDaysWithoutWallClock_StaysWithinOneInterval()
        {
            DutyRig rig = new DutyRig();
            rig.Config.SampleIntervalSeconds = 300;
            rig.Config.PublishEvery = 12;
            rig.ActualBootOverheadMilliseconds = 350;
            RunDays(rig, 3);
            AssertGrid(rig, 300000L);
        }

        [TestMethod]
        public void Drift_ThreeDaysWithSntp_StaysOnTheUnixGrid()
        {
            DutyRig rig = new DutyRig();
            rig.Config.SampleIntervalSeconds = 300;
            rig.Config.PublishEvery = 12;
            rig.ActualBootOverheadMilliseconds = 900;
            rig.Uplink.SntpUnixAtTrueZero = 1767225600000;
            RunDays(rig, 3);
            Assert.AreEqual(0L, AssertGrid(rig, 300000L), "on the Unix grid, timers fire exactly on target");
            Assert.IsTrue(rig.Clock.WallClockSet);
        }

        private static void RunDays(DutyRig rig, int days)
        {
            uint rng = 12345;
            int wakes = days * 86400 / rig.Config.SampleIntervalSeconds;
            for (int i = 0; i < wakes; i++)
            {
                rig.Source.SampleMilliseconds = 20 + (int)(Backoff.NextRandom(ref rng) % 3000);
                rig.Uplink.ConnectMilliseconds = 500 + (int)(Backoff.NextRandom(ref rng) % 6000);
                rig.Wake();
            }
        }

        private static long AssertGrid(DutyRig rig, long interval)
        {
            long first = (long)rig.TimerFiredAt[0];
            long worst = 0;
            for (int k = 0; k < rig.TimerFiredAt.Count; k++)
            {
                long error = (long)rig.TimerFiredAt[k] - (first + (k * interval));
                error = error < 0 ? -error : error;
                worst = error > worst ? error : worst;
            }

            Assert.IsTrue(rig.TimerFiredAt.Count > 800);
            Assert.IsTrue(worst < interval, "worst drift " + worst + " ms");
            return worst;
        }
    }
}
