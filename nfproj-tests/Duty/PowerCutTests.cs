using nanoFramework.TestFramework;
using SensorNode.Core.Duty;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    /// <summary>MCUboot-style: the scenario is replayed with the power cut during every flash write in turn.</summary>
    [TestClass]
    public class PowerCutTests
    {
        private const int ScenarioWakes = 70;

        [DataRow(6)]
        [DataRow(64)]
        public void PowerCutAtEveryWrite_StateStaysConsistent_NothingStoredIsLost(int capacity)
        {
            int cuts = 0;
            for (int cutAt = 0; ; cutAt++)
            {
                DutyRig rig = NewRig(capacity);
                rig.Store.CutPowerAt(cutAt);
                bool cut = RunScenario(rig);
                if (!cut)
                {
                    break;
                }

                cuts++;
                CheckInvariants(rig, cutAt);
            }

            Assert.IsTrue(cuts > 100, "cut at " + cuts + " write indices");
        }

        [TestMethod]
        public void Scenario_WithoutCuts_CompactsAndDrops()
        {
            DutyRig rig = NewRig(6);
            RunScenario(rig);
            CheckInvariants(rig, -1);
            Assert.IsTrue(rig.Last.Log.State.ReadingsDropped > 0, "the outage exceeded capacity");
            Assert.IsTrue(rig.Store.Length(ReadingLog.LogName) < rig.Store.BytesWritten, "the log was compacted (appends alone make them equal)");
        }

        private static DutyRig NewRig(int capacity)
        {
            DutyRig rig = new DutyRig();
            rig.Config.PublishEvery = 3;
            rig.Config.RetainedCapacityReadings = capacity;
            rig.Config.BackoffMaxSeconds = 120;
            return rig;
        }

        // 70 wakes: the broker goes down at wake 20 for 8 attempts; then at least 10 wakes (4 after a cut) to flush.
        private static bool RunScenario(DutyRig rig)
        {
            bool cut = false;
            int lastCutWake = -100;
            for (int wake = 0; wake < ScenarioWakes + 10 || wake < lastCutWake + 4; wake++)
            {
                if (wake == 20)
                {
                    rig.Uplink.FailConnects = 8;
                }

                if (wake == ScenarioWakes)
                {
                    rig.Config.PublishEvery = 1;
                }

                try
                {
                    rig.Wake();
                }
                catch (PowerCutException)
                {
                    cut = true;
                    lastCutWake = wake;
                    rig.PowerOnAfterCut();
                }
            }

            return cut;
        }

        private static void CheckInvariants(DutyRig rig, int cutAt)
        {
            ReadingLog log = new ReadingLog(rig.Store, rig.Config.RetainedCapacityReadings);
            LoadOutcome outcome = log.Load();
            string at = "cut at write " + cutAt;
            Assert.AreEqual(LoadOutcome.Loaded, outcome, at);
            Assert.AreEqual(0, log.State.StateFaults, at);
            Assert.AreEqual(0, log.State.RetainedCount, at);
            int distinct = rig.DistinctPublished();
            int stored = (int)log.State.NextSequence - 1;

            // A reading whose append was cut was never stored: at most one per cut.
            Assert.IsTrue(stored >= rig.Source.Count - (cutAt < 0 ? 0 : 1), at + ": stored " + stored + " of " + rig.Source.Count);
            Assert.IsTrue(distinct <= stored, at);

            // Every stored reading was published or counted as dropped. A cut between a PUBACK and the
            // checkpoint that records it can make a published reading count as dropped later (at least once).
            Assert.IsTrue(distinct + log.State.ReadingsDropped >= stored, at + ": " + distinct + " published + " + log.State.ReadingsDropped + " dropped < " + stored);
            if (rig.Config.RetainedCapacityReadings >= 64)
            {
                Assert.AreEqual(0, log.State.ReadingsDropped, at);
                Assert.AreEqual(stored, distinct, at + ": nothing lost below capacity");
            }
        }
    }
}
