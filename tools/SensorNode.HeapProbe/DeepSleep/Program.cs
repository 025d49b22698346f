using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace SensorNode.HeapProbe
{
    /// <summary>
    /// Heap probe, deep-sleep mode: <see cref="Wakes"/> wake cycles, each a fresh boot of the core (new sensors, session,
    /// uplink and WakeCycle over the same simulated flash and broker, as DeepSleepNode builds them), publishing every 4th
    /// wake, with the reading log at 256 readings. Prints "HEAP PROBE PASSED" only when every reading was published and none
    /// dropped. Run by tools/nanoclr-tests.sh with NANOCLR_HEAP_KB set.
    /// </summary>
    public static class Program
    {
        public const int Wakes = 600;

        public static void Main()
        {
            NodeConfig config = ProbeNode.Config(NodeMode.DeepSleep);
            config.SampleIntervalSeconds = 300;
            config.PublishEvery = 4;
            config.MaxLatencySeconds = 3600;
            config.AwakeBudgetMilliseconds = 20000;
            SimulatedClock clock = new SimulatedClock();
            ChunkedFileStore store = new ChunkedFileStore();
            SimulatedSleepController sleep = new SimulatedSleepController(WakeCause.PowerOn);
            CountingMqttLink link = ProbeNode.Broker(config);
            link.CommandEvery = 5;
            int acknowledged = 0;
            int dropped = 0;
            int commands = 0;
            for (int wake = 0; wake < Wakes; wake++)
            {
                clock.Advance(300);
                clock.Boot();
                if (wake == 0)
                {
                    clock.SetUnixMilliseconds(1764254400000);
                }

                TelemetrySession session = ProbeNode.Session(link, config, new ConfigCommandHandler(config, null), clock);
                MqttUplink uplink = new MqttUplink(link, session, config, clock);
                WakeCycle cycle = new WakeCycle(config, clock, store, ProbeNode.Sensors(config, clock), uplink, sleep);
                WakeReport report = cycle.Run();
                acknowledged += report.ReadingsAcknowledged;
                dropped += report.ReadingsDropped;
                commands += report.CommandsProcessed;
                clock.Advance(report.SleepMilliseconds);
            }

            bool ok = dropped == 0 && acknowledged >= Wakes - config.PublishEvery && link.Publishes > 0;
            System.Console.WriteLine("heap probe deep-sleep: " + Wakes.ToString() + " wakes, " + acknowledged.ToString() + " readings acknowledged, " + dropped.ToString() + " dropped, " + commands.ToString() + " commands, " + link.Publishes.ToString() + " publishes, simulated flash held on the heap: peak " + store.PeakBytes.ToString() + " bytes");
            System.Console.WriteLine(ok ? "HEAP PROBE PASSED" : "HEAP PROBE WRONG RESULT");
        }
    }
}
