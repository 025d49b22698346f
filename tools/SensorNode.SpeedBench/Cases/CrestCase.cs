using SensorNode.Core.Dsp;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>Crest factor per sample at window N (docs/spec/signal-chain.md §4): milli-g within ±2 g; the window's completion is included once per N samples.</summary>
    internal sealed class CrestCase : BenchCase
    {
        private readonly int[] _values = Samples.Series(0, 2000, 11);
        private readonly CrestFactor _crest;

        public CrestCase(int window)
        {
            _crest = new CrestFactor(window);
        }

        public override string Id
        {
            get { return "crest-" + _crest.Window.ToString(); }
        }

        /// <summary>The loop without a virtual call per sample, so that the figure is the filter's own cost.</summary>
        public override long Run(int ops)
        {
            int[] values = _values;
            CrestFactor crest = _crest;
            long start = System.DateTime.UtcNow.Ticks;
            for (int i = 0; i < ops; i++)
            {
                crest.Add(values[i & (Samples.Count - 1)]);
            }

            return System.DateTime.UtcNow.Ticks - start;
        }

        protected override void Once(int i)
        {
            _crest.Add(_values[i & (Samples.Count - 1)]);
        }
    }
}
