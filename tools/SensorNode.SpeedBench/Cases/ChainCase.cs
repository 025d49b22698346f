using SensorNode.Core.Sensors;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>
    /// The per-sample signal chain of one channel as the node runs it (<see cref="ChannelFilter.Update"/>:
    /// moving average + rolling z-score, docs/spec/signal-chain.md §2-3), both windows N, on temperatures
    /// in centi-°C around 21 °C, with the temperature channel's declared range (64-bit sums, §3.1). The windows are full before timing starts, so every sample is scored.
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
            _filter = new ChannelFilter(window, window, 3000, ChannelRange.Min(Channel.Temperature), ChannelRange.Max(Channel.Temperature));
            for (int i = 0; i < window; i++)
            {
                Once(i);
            }
        }

        public override string Id
        {
            get { return "chain-" + _window.ToString(); }
        }

        /// <summary>The loop without a virtual call per sample, so that the figure is the chain's own cost.</summary>
        public override long Run(int ops)
        {
            int[] values = _values;
            ChannelFilter filter = _filter;
            int anomalies = 0;
            long start = System.DateTime.UtcNow.Ticks;
            for (int i = 0; i < ops; i++)
            {
                bool anomaly;
                filter.Update(values[i & (Samples.Count - 1)], out anomaly);
                if (anomaly)
                {
                    anomalies++;
                }
            }

            long ticks = System.DateTime.UtcNow.Ticks - start;
            _anomalies += anomalies;
            return ticks;
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
