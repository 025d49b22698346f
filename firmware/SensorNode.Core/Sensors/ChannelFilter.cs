using SensorNode.Core.Dsp;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// The per-channel signal chain (docs/spec/signal-chain.md): the published value is the moving average
    /// of good readings; the anomaly verdict is the rolling z-score of the raw reading. O(1), no allocation.
    /// </summary>
    public sealed class ChannelFilter
    {
        private readonly MovingAverage _average;
        private readonly ZScoreDetector _z;

        /// <summary>Creates the chain with the node's windows and |z| threshold (thousandths).</summary>
        public ChannelFilter(int averageWindow, int zWindow, int zThresholdMilli)
        {
            _average = new MovingAverage(averageWindow);
            _z = new ZScoreDetector(zWindow, zThresholdMilli);
        }

        /// <summary>Latest z-score, thousandths.</summary>
        public int ZMilli
        {
            get { return _z.ZMilli; }
        }

        /// <summary>Adds a good raw reading; returns the new average and whether the reading is anomalous.</summary>
        public int Update(int raw, out bool anomaly)
        {
            anomaly = _z.Update(raw);
            return _average.Update(raw);
        }
    }
}
