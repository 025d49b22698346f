using SensorNode.Core.Config;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace SensorNode.HeapProbe
{
    /// <summary>
    /// Heap probe, always-on mode: the core's AlwaysOnRunner stepped once a (simulated) second like the device loop,
    /// over simulated sensors, flash and broker, for <see cref="Samples"/> samples. Prints "HEAP PROBE PASSED" only when
    /// every sample was taken and published and the commands were applied; an OutOfMemoryException or any other
    /// escape ends the run without it. Run by tools/nanoclr-tests.sh with NANOCLR_HEAP_KB set.
    /// </summary>
    public static class Program
    {
        public const int Samples = 1500;

        public static void Main()
        {
            NodeConfig config = ProbeNode.Config(NodeMode.AlwaysOn);
            config.SampleIntervalSeconds = 10;
            SimulatedClock clock = new SimulatedClock();
            clock.SetUnixMilliseconds(1764254400000);
            ChunkedFileStore store = new ChunkedFileStore();
            CountingMqttLink link = ProbeNode.Broker(config);
            ConfigCommandHandler commands = new ConfigCommandHandler(config, null);
            int configChanges = 0;
            commands.ConfigChanged += delegate(NodeConfig changed) { configChanges++; };
            TelemetrySession session = ProbeNode.Session(link, config, commands, clock);
            PendingReadings pending = new PendingReadings(64);
            AlwaysOnState state = new AlwaysOnState(store, pending.Capacity);
            HealthReport health = new HealthReport();
            health.BootCount = state.CountBoot();
            state.LoadPending(pending);
            AlwaysOnRunner runner = new AlwaysOnRunner(session, ProbeNode.Sensors(config, clock), clock, config, health, pending, null);
            runner.NextSequence = state.LoadNextSequence();
            while (runner.SamplesTaken < Samples)
            {
                long taken = runner.SamplesTaken;
                runner.Step(true);
                if (runner.SamplesTaken != taken)
                {
                    state.SaveNextSequence(runner.NextSequence);
                }

                clock.Advance(1000);
            }

            bool ok = runner.SamplesTaken == Samples && pending.Count == 0 && pending.Dropped == 0 && link.Publishes >= Samples && link.Commands > 0 && configChanges == link.Commands;
            System.Console.WriteLine("heap probe always-on: " + runner.SamplesTaken.ToString() + " samples, " + link.Publishes.ToString() + " publishes, " + link.Commands.ToString() + " commands, " + configChanges.ToString() + " config changes, " + pending.Count.ToString() + " pending, simulated flash held on the heap: peak " + store.PeakBytes.ToString() + " bytes");
            System.Console.WriteLine(ok ? "HEAP PROBE PASSED" : "HEAP PROBE WRONG RESULT");
        }
    }
}
