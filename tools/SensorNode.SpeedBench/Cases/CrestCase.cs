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

        protected override void Once(int i)
        {
            _crest.Add(_values[i & (Samples.Count - 1)]);
        }
    }
}
