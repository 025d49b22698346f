using System;

namespace SensorNode.SpeedBench
{
    /// <summary>
    /// One measured operation. <see cref="Run"/> performs it <c>ops</c> times and returns the elapsed time in
    /// 100 ns ticks (cases that must leave setup work out of the timing measure themselves).
    /// </summary>
    public abstract class BenchCase
    {
        /// <summary>Stable identifier printed in the result line (the table joins the two runtimes on it).</summary>
        public abstract string Id { get; }

        /// <summary>Bytes processed per operation, for throughput cases; 0 otherwise.</summary>
        public virtual int BytesPerOp
        {
            get { return 0; }
        }

        /// <summary>Runs the operation <paramref name="ops"/> times; returns elapsed 100 ns ticks.</summary>
        public virtual long Run(int ops)
        {
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < ops; i++)
            {
                Once(i);
            }

            return DateTime.UtcNow.Ticks - start;
        }

        /// <summary>One operation; <paramref name="i"/> counts operations within a run.</summary>
        protected abstract void Once(int i);

        /// <summary>A check of the last results (e.g. the image still verifies); null when they are right.</summary>
        public virtual string Check()
        {
            return null;
        }
    }
}
