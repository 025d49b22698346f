using System;

namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Rolling z-score anomaly detector: z_t = (x_t − μ) / σ with μ and the population σ taken over the
    /// N samples before x_t, computed exactly in integers as z = (N·x − Σx) / sqrt(N·Σx² − (Σx)²).
    /// A sample is anomalous when |z| &gt; threshold; nothing is flagged until N earlier samples exist.
    /// σ = 0 rule (docs/spec/signal-chain.md §3): z = 0 when x equals the constant history, otherwise z
    /// saturates to ±<see cref="FixedRatio.SaturatedMilli"/> and the sample is anomalous.
    /// O(1) per sample, no allocation after construction.
    /// </summary>
    public sealed class ZScoreDetector
    {
        /// <summary>Largest window, in samples.</summary>
        public const int MaxWindow = 4096;

        private readonly int[] _ring;
        private readonly int _thresholdMilli;
        private int _next;
        private SumOfSquares _sums;

        /// <summary>Creates a detector over N = <paramref name="window"/> samples (1..4096) with |z| threshold in thousandths (&gt; 0).</summary>
        public ZScoreDetector(int window, int thresholdMilli)
        {
            if (window < 1 || window > MaxWindow)
            {
                throw new ArgumentOutOfRangeException("window");
            }

            if (thresholdMilli <= 0)
            {
                throw new ArgumentOutOfRangeException("thresholdMilli");
            }

            _ring = new int[window];
            _thresholdMilli = thresholdMilli;
        }

        /// <summary>Window length N, in samples.</summary>
        public int Window
        {
            get { return _ring.Length; }
        }

        /// <summary>Threshold on |z|, in thousandths.</summary>
        public int ThresholdMilli
        {
            get { return _thresholdMilli; }
        }

        /// <summary>True once N earlier samples exist, so the latest z is defined.</summary>
        public bool IsReady { get; private set; }

        /// <summary>Latest z in thousandths; 0 until <see cref="IsReady"/>.</summary>
        public int ZMilli { get; private set; }

        /// <summary>Latest verdict: |z| &gt; threshold.</summary>
        public bool IsAnomaly { get; private set; }

        /// <summary>Scores x against the previous N samples, then adds it to the window. Returns <see cref="IsAnomaly"/>.</summary>
        public bool Update(int x)
        {
            int n = _ring.Length;
            IsReady = _sums.Count == n;
            if (IsReady)
            {
                Score(x, n);
                _sums.Remove(_ring[_next]);
            }
            else
            {
                ZMilli = 0;
                IsAnomaly = false;
            }

            _ring[_next] = x;
            _sums.Add(x);
            _next = _next + 1 == n ? 0 : _next + 1;
            return IsAnomaly;
        }

        /// <summary>Values in the window (up to <see cref="Window"/>).</summary>
        public int Count
        {
            get { return _sums.Count; }
        }

        /// <summary>The <paramref name="index"/>-th oldest value in the window (0 ≤ index &lt; <see cref="Count"/>).</summary>
        public int HistoryAt(int index)
        {
            int oldest = _sums.Count < _ring.Length ? 0 : _next;
            int i = oldest + index;
            return _ring[i >= _ring.Length ? i - _ring.Length : i];
        }

        /// <summary>Forgets every sample.</summary>
        public void Reset()
        {
            _next = 0;
            _sums.Clear();
            IsReady = false;
            ZMilli = 0;
            IsAnomaly = false;
        }

        // Sets ZMilli (rounded, for display) and IsAnomaly (exact: |z| > threshold, spec §3).
        private void Score(int x, int n)
        {
            long num = (long)n * x - _sums.Sum;
            ulong dHi;
            ulong dLo;
            _sums.ScaledVariance(out dHi, out dLo);
            if (dHi == 0 && dLo == 0)
            {
                ZMilli = num == 0 ? 0 : (num < 0 ? -FixedRatio.SaturatedMilli : FixedRatio.SaturatedMilli);
                IsAnomaly = num != 0;
                return;
            }

            ZMilli = FixedRatio.RatioToSqrtMilli(num, dHi, dLo);
            IsAnomaly = FixedRatio.RatioToSqrtExceeds(num, dHi, dLo, _thresholdMilli);
        }
    }
}
