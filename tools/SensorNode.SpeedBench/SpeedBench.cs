using System;
using SensorNode.SpeedBench.Cases;

namespace SensorNode.SpeedBench
{
    /// <summary>
    /// Runs every case on whatever runtime hosts it (nanoCLR or .NET) and prints, per case, <c>speed-start,ID</c>
    /// when it starts and <c>speed,ID,OPS,TICKS,BYTES_PER_OP,TOTAL_OPS</c> when it ends (TICKS: 100 ns of wall-clock
    /// time for the fastest run of OPS operations; TOTAL_OPS: every operation run between the two lines, which
    /// tools/speed-bench.py divides the process's CPU time by), or <c>speed-error,ID,TEXT</c>.
    /// Each case doubles its operation count until one run lasts at least <see cref="MinRunTicks"/>, then
    /// keeps the fastest of <see cref="Repeats"/> runs at that count. Only mscorlib is used, so the same
    /// source compiles for nanoFramework 1.x and for .NET.
    /// </summary>
    public static class SpeedBench
    {
        /// <summary>Shortest measured run: 0.5 s.</summary>
        public const long MinRunTicks = 5000000;

        /// <summary>Runs kept per case (the fastest is reported).</summary>
        public const int Repeats = 3;

        /// <summary>Every case, in table order.</summary>
        public static BenchCase[] All()
        {
            return new BenchCase[]
            {
                new ChainCase(32),
                new ChainCase(500),
                new CrestCase(1024),
                new Sha256Case(),
                new RsaVerifyCase(),
                new ImageVerifyCase(),
                new PemLoadCase(),
                new WakeCase(),
            };
        }

        /// <summary>Runs every case and prints the result lines.</summary>
        public static void RunAll()
        {
            Console.WriteLine("speed-begin");
            BenchCase[] cases = All();
            for (int i = 0; i < cases.Length; i++)
            {
                Measure(cases[i]);
            }

            Console.WriteLine("speed-end");
        }

        private static void Measure(BenchCase c)
        {
            Console.WriteLine("speed-start," + c.Id);
            try
            {
                int ops = 1;
                long total = ops;
                long ticks = c.Run(ops);
                while (ticks < MinRunTicks && ops < 0x20000000)
                {
                    ops *= 2;
                    total += ops;
                    ticks = c.Run(ops);
                }

                for (int r = 1; r < Repeats; r++)
                {
                    long again = c.Run(ops);
                    total += ops;
                    ticks = again < ticks ? again : ticks;
                }

                string error = c.Check();
                if (error != null)
                {
                    Console.WriteLine("speed-error," + c.Id + "," + error);
                    return;
                }

                Console.WriteLine("speed," + c.Id + "," + ops.ToString() + "," + ticks.ToString() + "," + c.BytesPerOp.ToString() + "," + total.ToString());
            }
            catch (Exception e)
            {
                Console.WriteLine("speed-error," + c.Id + "," + e.Message);
            }
        }
    }
}
