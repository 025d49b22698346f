using SensorNode.Core.Dsp;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// The per-channel signal chain (docs/spec/signal-chain.md): the published value is the moving average
    /// of good readings; the anomaly verdict is the rolling z-score of the raw reading. O(1), no allocation.
    /// </summary>
    public sealed class ChannelFilter
    {
        private readonly MovingAverage _average; // null when the detector keeps the average (MeanWindow)
        private readonly ZScoreDetector _z;

        /// <summary>Creates the chain for any <c>int</c> input (128-bit z-score sums) with these windows and |z| threshold (thousandths).</summary>
        public ChannelFilter(int averageWindow, int zWindow, int zThresholdMilli)
        {
            _average = new MovingAverage(averageWindow);
            _z = new ZScoreDetector(zWindow, zThresholdMilli);
        }

        /// <summary>
        /// Creates the chain for raw inputs in [<paramref name="minValue"/>, <paramref name="maxValue"/>] (64-bit
        /// z-score sums); throws <see cref="System.ArgumentOutOfRangeException"/> unless
        /// <see cref="ZScoreDetector.Fits"/> holds for the z window (signal-chain.md §3.1).
        /// </summary>
        public ChannelFilter(int averageWindow, int zWindow, int zThresholdMilli, int minValue, int maxValue)
        {
            if (averageWindow >= 1 && averageWindow <= zWindow)
            {
                // The usual case (average window ≤ z window): the detector keeps the average from its own ring.
                _z = new ZScoreDetector(zWindow, zThresholdMilli, minValue, maxValue, averageWindow);
            }
            else
            {
                _average = new MovingAverage(averageWindow);
                _z = new ZScoreDetector(zWindow, zThresholdMilli, minValue, maxValue);
            }
        }

        /// <summary>True when <paramref name="raw"/> is inside the range the chain accepts.</summary>
        public bool Accepts(int raw)
        {
            return raw >= _z.MinValue && raw <= _z.MaxValue;
        }

        /// <summary>Latest z-score, thousandths.</summary>
        public int ZMilli
        {
            get { return _z.ZMilli; }
        }

        /// <summary>Raw inputs that determine this filter's state (the longer window's content).</summary>
        public int HistoryCount
        {
            get { return _average == null || _z.Window >= _average.Window ? _z.Count : _average.Count; }
        }

        /// <summary>The <paramref name="index"/>-th oldest of those inputs.</summary>
        public int HistoryAt(int index)
        {
            return _average == null || _z.Window >= _average.Window ? _z.HistoryAt(index) : _average.HistoryAt(index);
        }

        /// <summary>
        /// Rebuilds the state from the inputs <see cref="HistoryAt"/> gave (oldest first): both filters are
        /// functions of their last Window inputs only, so replaying the longer window's content restores them exactly.
        /// </summary>
        public void Replay(int[] history, int count)
        {
            if (_average != null)
            {
                _average.Reset();
            }

            _z.Reset();
            bool anomaly;
            for (int i = 0; i < count; i++)
            {
                Update(history[i], out anomaly);
            }
        }

        /// <summary>Adds a good raw reading (one that <see cref="Accepts"/>); returns the new average and whether the reading is anomalous.</summary>
        public int Update(int raw, out bool anomaly)
        {
            if (_average == null)
            {
                return _z.UpdateWithMean(raw, out anomaly);
            }

            anomaly = _z.Update(raw);
            return _average.Update(raw);
        }
    }
}
