using System.Collections;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    /// <summary>
    /// A simulated deep-sleeping node: every <see cref="Wake"/> is a fresh boot of the core over the same
    /// flash, network and sensors, on a fake clock. Records when each timer fired, in true time.
    /// </summary>
    internal sealed class DutyRig
    {
        public readonly NodeConfig Config = new NodeConfig();
        public readonly SimulatedClock Clock = new SimulatedClock();
        public readonly SimulatedFileStore Store = new SimulatedFileStore();
        public readonly SimulatedSleepController Sleep = new SimulatedSleepController(WakeCause.PowerOn);
        public readonly SimulatedUplink Uplink;
        public readonly CountingSampleSource Source;
        public readonly ArrayList TimerFiredAt = new ArrayList();

        /// <summary>Real time from timer to runtime start (the config holds the node's estimate).</summary>
        public int ActualBootOverheadMilliseconds = 300;

        public WakeCycle Last;

        public DutyRig()
        {
            Config.Mode = NodeMode.DeepSleep;
            Config.SampleIntervalSeconds = 60;
            Config.PublishEvery = 1;
            Config.MaxLatencySeconds = 3600;
            Config.AwakeBudgetMilliseconds = 10000;
            Config.PersistReserveMilliseconds = 1000;
            Config.CommandWindowSeconds = 0;
            Config.CommandListenMilliseconds = 200;
            Config.RetainedCapacityReadings = 64;
            Config.BackoffBaseSeconds = 60;
            Config.BackoffMaxSeconds = 600;
            Config.BootOverheadMilliseconds = 300;
            Uplink = new SimulatedUplink(Clock);
            Source = new CountingSampleSource(Clock);
        }

        /// <summary>Boots, runs one wake and sleeps; a <see cref="PowerCutException"/> escapes mid-wake.</summary>
        public WakeReport Wake()
        {
            if (Sleep.WakeCause == WakeCause.Timer)
            {
                TimerFiredAt.Add(Clock.TrueMilliseconds);
            }

            Clock.Advance(ActualBootOverheadMilliseconds);
            Clock.Boot();
            Last = new WakeCycle(Config, Clock, Store, Source, Uplink, Sleep);
            WakeReport report = Last.Run();
            Clock.Advance(report.SleepMilliseconds);
            return report;
        }

        /// <summary>Runs wakes; returns the last report.</summary>
        public WakeReport Wakes(int count)
        {
            WakeReport last = null;
            for (int i = 0; i < count; i++)
            {
                last = Wake();
            }

            return last;
        }

        /// <summary>Power comes back after a cut: the node boots from power-on, the RTC is lost.</summary>
        public void PowerOnAfterCut()
        {
            Store.PowerOn();
            Sleep.WakeCause = WakeCause.PowerOn;
            Clock.LoseWallClock();
            Clock.Advance(5000);
        }

        /// <summary>Number of distinct published sequence numbers; fails on a sequence published with two different values.</summary>
        public int DistinctPublished()
        {
            ArrayList seqs = Uplink.Published;
            ArrayList temps = Uplink.PublishedTemperatures;
            int distinct = 0;
            for (int i = 0; i < seqs.Count; i++)
            {
                bool seen = false;
                for (int j = 0; j < i; j++)
                {
                    if ((uint)seqs[j] == (uint)seqs[i])
                    {
                        if ((int)temps[j] != (int)temps[i])
                        {
                            throw new System.Exception("sequence " + (uint)seqs[i] + " published with two values");
                        }

                        seen = true;
                        break;
                    }
                }

                distinct += seen ? 0 : 1;
            }

            return distinct;
        }
    }
}
