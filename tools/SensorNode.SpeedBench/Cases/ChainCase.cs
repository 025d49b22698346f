using SensorNode.Core.Sensors;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>
    /// The per-sample signal chain of one channel as the node runs it (<see cref="ChannelFilter.Update"/>:
    /// moving average + rolling z-score, docs/spec/signal-chain.md §2-3), both windows N, on temperatures
    /// in centi-°C around 21 °C. The windows are full before timing starts, so every sample is scored.
    /// </summary>
    internal sealed class ChainCase : BenchCase
    {
        private readonly int _window;
        private readonly int[] _values = Samples.Series(2100, 300, 7);
        private readonly ChannelFilter _filter;
        private int _anomalies;

        public ChainCase(int window)
        {
            _window = window;
            _filter = new ChannelFilter(window, window, 3000);
            for (int i = 0; i < window; i++)
            {
                Once(i);
            }
        }

        public override string Id
        {
            get { return "chain-" + _window.ToString(); }
        }

        protected override void Once(int i)
        {
            bool anomaly;
            _filter.Update(_values[i & (Samples.Count - 1)], out anomaly);
            if (anomaly)
            {
                _anomalies++;
            }
        }
    }
}
