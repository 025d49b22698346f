using System;

namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Rolling z-score anomaly detector: z_t = (x_t − μ) / σ with μ and the population σ taken over the
    /// N samples before x_t, computed exactly in integers as z = (N·x − Σx) / sqrt(N·Σx² − (Σx)²).
    /// A sample is anomalous when |z| &gt; threshold; nothing is flagged until N earlier samples exist.
    /// σ = 0 rule (docs/spec/signal-chain.md §3): z = 0 when x equals the constant history, otherwise z
    /// saturates to ±<see cref="FixedRatio.SaturatedMilli"/> and the sample is anomalous.
    /// With a declared value range (the node's channels) the sums are 64-bit, exact by the bound of
    /// signal-chain.md §3.1; without one (host replay of arbitrary data) they are 128-bit. Once the windows are
    /// full, a detector that keeps a mean takes a straight-line steady-state path where its bound allows (§3.2).
    /// O(1) per sample, no allocation after construction.
    /// </summary>
    public sealed class ZScoreDetector
    {
        /// <summary>Largest window, in samples.</summary>
        public const int MaxWindow = 4096;

        /// <summary>Largest N · (max − min + 1) for 64-bit sums: 2^32 (signal-chain.md §3.1).</summary>
        public const long MaxWindowTimesSpan = 1L << 32;

        private const long SqrtOfMaxScaledVariance = 1L << 31;

        // Largest a with a² ≤ long.MaxValue.
        private const long MaxSquarable = 3037000499L;

        private readonly int[] _ring;
        private readonly int _thresholdMilli;
        private readonly bool _wide;
        private readonly int _minValue;
        private readonly int _maxValue;
        private readonly long _center;
        private readonly long _thresholdSquared;
        private readonly long _maxVarianceForThreshold;
        private readonly int _meanWindow;
        private readonly long _windowLong;
        private readonly long _meanWindowLong;
        private readonly long _meanHalf;
        private readonly long _verdictScale;
        private readonly long _verdictThreshold;
        private uint _steadySpan;
        private int _next;
        private int _count;
        private long _meanSum;
        private long _sum;
        private long _squares;
        private SumOfSquares _wideSums;
        private long _num;
        private long _scaledVariance;
        private int _refused;
        private int _zMilli;
        private bool _isReady;
        private bool _isAnomaly;

        /// <summary>
        /// Creates a detector for any <c>int</c> input over N = <paramref name="window"/> samples (1..4096) with
        /// |z| threshold in thousandths (&gt; 0). Keeps 128-bit sums: for inputs of unknown range (host replay).
        /// </summary>
        public ZScoreDetector(int window, int thresholdMilli)
            : this(window, thresholdMilli, int.MinValue, int.MaxValue, true)
        {
        }

        /// <summary>
        /// Creates a detector for inputs in [<paramref name="minValue"/>, <paramref name="maxValue"/>] with
        /// 64-bit sums. Throws <see cref="ArgumentOutOfRangeException"/> unless <see cref="Fits"/> holds;
        /// an input outside the range is refused (<see cref="RefusedCount"/>), neither scored nor kept.
        /// </summary>
        public ZScoreDetector(int window, int thresholdMilli, int minValue, int maxValue)
            : this(window, thresholdMilli, minValue, maxValue, 0)
        {
        }

        /// <summary>
        /// As the range constructor, and also keeps the moving average of the last min(t, M) inputs, x_t included,
        /// for M = <paramref name="meanWindow"/> (1..N; 0 = none), read from <see cref="Mean"/>: the same results as
        /// a <see cref="MovingAverage"/> of window M, from the detector's own ring (one ring and one call per sample
        /// for the whole channel chain, which matters in the interpreter).
        /// </summary>
        public ZScoreDetector(int window, int thresholdMilli, int minValue, int maxValue, int meanWindow)
            : this(window, thresholdMilli, minValue, maxValue, false)
        {
            if (!Fits(window, minValue, maxValue))
            {
                throw new ArgumentOutOfRangeException("maxValue");
            }

            if (meanWindow < 0 || meanWindow > window)
            {
                throw new ArgumentOutOfRangeException("meanWindow");
            }

            _meanWindow = meanWindow;
            _meanWindowLong = meanWindow;
            _meanHalf = meanWindow >> 1;

            // The steady-state verdict K·num² > U·D (K = 10⁶/g, U = T²/g, g = gcd(10⁶, T²)) needs no overflow check
            // when it holds for the largest |num| = 2·N·H and D = (N·H)² this range allows (spec §3.2); else the
            // general path decides every sample. N·H ≤ 2^31 by Fits.
            long thresholdSquared = (long)thresholdMilli * thresholdMilli;
            long g = Gcd(1000000, thresholdSquared);
            long scale = 1000000 / g;
            long threshold = thresholdSquared / g;
            long nh = window * (maxValue - _center);
            long nh2 = nh * nh;
            if (nh2 <= long.MaxValue / (4 * scale) && nh2 <= long.MaxValue / threshold)
            {
                _verdictScale = scale;
                _verdictThreshold = threshold;
            }
        }

        private ZScoreDetector(int window, int thresholdMilli, int minValue, int maxValue, bool wide)
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
            _wide = wide;
            _minValue = minValue;
            _maxValue = maxValue;
            _center = minValue + (((long)maxValue - minValue) / 2);
            _thresholdSquared = (long)thresholdMilli * thresholdMilli;
            _maxVarianceForThreshold = long.MaxValue / _thresholdSquared;
            _windowLong = window;
        }

        /// <summary>
        /// True when inputs in [<paramref name="minValue"/>, <paramref name="maxValue"/>] at window N keep every
        /// sum in 64 bits: 1 ≤ N ≤ 4096, min ≤ max and N · (max − min + 1) ≤ 2^32 (signal-chain.md §3.1).
        /// </summary>
        public static bool Fits(int window, int minValue, int maxValue)
        {
            if (window < 1 || window > MaxWindow || minValue > maxValue)
            {
                return false;
            }

            long span = (long)maxValue - minValue + 1;
            return span <= MaxWindowTimesSpan / window;
        }

        /// <summary>Window length N, in samples.</summary>
        public int Window
        {
            get { return _ring.Length; }
        }

        /// <summary>Window M of the moving average kept alongside (0 = none).</summary>
        public int MeanWindow
        {
            get { return _meanWindow; }
        }

        /// <summary>Mean of the last min(t, M) accepted inputs in raw units, rounded (ties away from zero); 0 without a mean window or input.</summary>
        public int Mean
        {
            get
            {
                // No property calls: read on every sample by ChannelFilter. _count ≥ M covers the N + 1 state.
                int m = _meanWindow;
                int count = _count;
                int samples = count < m ? count : m;
                if (samples == 0)
                {
                    return 0;
                }

                long half = samples >> 1;
                return (int)(_meanSum >= 0 ? (_meanSum + half) / samples : -((half - _meanSum) / samples));
            }
        }

        /// <summary>Threshold on |z|, in thousandths.</summary>
        public int ThresholdMilli
        {
            get { return _thresholdMilli; }
        }

        /// <summary>True when the sums are 128-bit (no declared range).</summary>
        public bool IsWide
        {
            get { return _wide; }
        }

        /// <summary>Smallest accepted input, raw units.</summary>
        public int MinValue
        {
            get { return _minValue; }
        }

        /// <summary>Largest accepted input, raw units.</summary>
        public int MaxValue
        {
            get { return _maxValue; }
        }

        /// <summary>True once N earlier samples exist, so the latest z is defined.</summary>
        public bool IsReady
        {
            get { return _wide ? _isReady : _count > _ring.Length; }
        }

        /// <summary>
        /// True when the next input inside the range takes the steady-state path (signal-chain.md §3.2): windows full,
        /// a mean window kept, N ≥ 2, and the verdict bound met. Results are the same either way.
        /// </summary>
        public bool IsSteady
        {
            get { return _steadySpan != 0; }
        }

        /// <summary>Inputs refused since construction or <see cref="Reset"/> because they were outside the declared range.</summary>
        public int RefusedCount
        {
            get { return _refused; }
        }

        /// <summary>
        /// Latest z in thousandths, rounded; 0 until <see cref="IsReady"/> and after a refused input. With 64-bit
        /// sums it is computed when read (the node needs only the verdict per sample).
        /// </summary>
        public int ZMilli
        {
            get
            {
                if (_wide)
                {
                    return _zMilli;
                }

                if (_scaledVariance == 0)
                {
                    return _num == 0 ? 0 : (_num < 0 ? -FixedRatio.SaturatedMilli : FixedRatio.SaturatedMilli);
                }

                return FixedRatio.RatioToSqrtMilli(_num, 0, (ulong)_scaledVariance);
            }
        }

        /// <summary>Latest verdict: |z| &gt; threshold.</summary>
        public bool IsAnomaly
        {
            get { return _wide ? _isAnomaly : Exceeds(_num, _scaledVariance); }
        }

        /// <summary>Values in the window (up to <see cref="Window"/>).</summary>
        public int Count
        {
            get
            {
                if (_wide)
                {
                    return _wideSums.Count;
                }

                return _count > _ring.Length ? _ring.Length : _count;
            }
        }

        /// <summary>
        /// Scores x against the previous N samples, then adds it to the window. Returns <see cref="IsAnomaly"/>.
        /// An input outside the declared range is refused: not scored, not added, not anomalous.
        /// </summary>
        public bool Update(int x)
        {
            if (_wide)
            {
                return UpdateWide(x);
            }

            bool anomaly;
            UpdateWithMean(x, out anomaly);
            return anomaly;
        }

        /// <summary>
        /// <see cref="Update"/> for a detector with a declared range, returning <see cref="Mean"/> as well (one call
        /// per sample for the node's whole channel chain). On the 128-bit detector use <see cref="Update"/>.
        /// </summary>
        public int UpdateWithMean(int x, out bool anomaly)
        {
            // One unsigned compare admits only the steady state (spec §3.2): _steadySpan is max − min + 1 once both
            // windows are full, for a detector with a mean window, N ≥ 2 and a verdict that cannot overflow; it is 0
            // otherwise (warm-up, the 128-bit detector, after Reset), and an input outside [min, max] fails it too.
            // Everything else, refusals included, takes the general path.
            if (unchecked((uint)(x - _minValue)) >= _steadySpan)
            {
                return UpdateGeneral(x, out anomaly);
            }

            // Written for the interpreter, which pays per IL instruction (about 5 ns on x86-64), per field access
            // and per call: no call, no count test, no mean-window test, no overflow test, each field read once.
            int[] ring = _ring;
            int next = _next;
            long y = x - _center;
            long oldest = ring[next] - _center;
            long sum = _sum;
            long num = (_windowLong * y) - sum;
            long d = (_windowLong * _squares) - (sum * sum);
            _num = num;
            _scaledVariance = d;

            // |z| > T ⇔ 10⁶·num² > T²·D ⇔ K·num² > U·D, both sides < 2^63 by the construction bound; D = 0 gives
            // num ≠ 0, the σ = 0 rule.
            anomaly = num * num * _verdictScale > _verdictThreshold * d;

            // The input leaving the mean window sits M slots back (read before x overwrites the slot when M = N);
            // |x − x'| < span ≤ 2^31 because N ≥ 2, so the difference is an int.
            int leaving = next - _meanWindow;
            if (leaving < 0)
            {
                leaving += ring.Length;
            }

            long meanSum = _meanSum + (x - ring[leaving]);
            _meanSum = meanSum;
            ring[next] = x;
            _sum = sum + y - oldest;
            _squares = _squares + (y * y) - (oldest * oldest);
            if (++next == ring.Length)
            {
                next = 0;
            }

            _next = next;
            return (int)(meanSum >= 0 ? (meanSum + _meanHalf) / _meanWindowLong : -((_meanHalf - meanSum) / _meanWindowLong));
        }

        // Every case the steady-state path does not take: warm-up, refusals, the 128-bit detector, no mean window,
        // N = 1, thresholds whose verdict needs the overflow checks of Exceeds. The reference for the fast path.
        private int UpdateGeneral(int x, out bool anomaly)
        {
            if (x < _minValue || x > _maxValue || _wide)
            {
                anomaly = _wide ? UpdateWide(x) : Refuse();
                return Mean;
            }

            // The 64-bit path, written for the interpreter (which pays per field access and per call): locals,
            // no call on the common path, state derived when read. _count runs to N + 1 once x is scored.
            // Bounds (spec §3.1): N·|y| ≤ 2^31, |num| ≤ 2^32, 0 ≤ D ≤ 2^62.
            int[] ring = _ring;
            int n = ring.Length;
            int next = _next;
            int count = _count;
            long center = _center;
            long y = x - center;
            long sum = _sum;
            long squares = _squares;
            if (count >= n)
            {
                long num = (n * y) - sum;
                long d = (n * squares) - (sum * sum);
                _num = num;
                _scaledVariance = d;

                // Exceeds(num, d) with its common case first: a² and t²·D both in 64 bits.
                long a = 1000 * (num < 0 ? -num : num);
                if (d != 0 && a <= MaxSquarable)
                {
                    anomaly = d <= _maxVarianceForThreshold && a * a > _thresholdSquared * d;
                }
                else
                {
                    anomaly = Exceeds(num, d);
                }

                long oldest = ring[next] - center;
                sum -= oldest;
                squares -= oldest * oldest;
                if (count == n)
                {
                    _count = n + 1;

                    // Windows full: from the next sample on, inputs inside the range take the steady-state path.
                    if (_meanWindow != 0 && _verdictScale != 0 && n >= 2)
                    {
                        _steadySpan = (uint)(_maxValue - _minValue) + 1;
                    }
                }
            }
            else
            {
                _count = count + 1;
                _num = 0;
                _scaledVariance = 0;
                anomaly = false;
            }

            int m = _meanWindow;
            int mean = 0;
            if (m != 0)
            {
                // The input leaving the mean window sits M slots back (read before x overwrites the slot when M = N).
                long meanSum = _meanSum + x;
                int samples = count + 1;
                if (count >= m)
                {
                    int leaving = next - m;
                    meanSum -= ring[leaving < 0 ? leaving + n : leaving];
                    samples = m;
                }

                _meanSum = meanSum;
                long half = samples >> 1;
                mean = (int)(meanSum >= 0 ? (meanSum + half) / samples : -((half - meanSum) / samples));
            }

            ring[next] = x;
            _sum = sum + y;
            _squares = squares + (y * y);
            if (++next == n)
            {
                next = 0;
            }

            _next = next;
            return mean;
        }

        /// <summary>The <paramref name="index"/>-th oldest value in the window (0 ≤ index &lt; <see cref="Count"/>).</summary>
        public int HistoryAt(int index)
        {
            int oldest = Count < _ring.Length ? 0 : _next;
            int i = oldest + index;
            return _ring[i >= _ring.Length ? i - _ring.Length : i];
        }

        /// <summary>Forgets every sample.</summary>
        public void Reset()
        {
            _steadySpan = 0;
            _next = 0;
            _count = 0;
            _sum = 0;
            _squares = 0;
            _wideSums.Clear();
            _meanSum = 0;
            _num = 0;
            _scaledVariance = 0;
            _refused = 0;
            _zMilli = 0;
            _isReady = false;
            _isAnomaly = false;
        }

        private static long Gcd(long a, long b)
        {
            while (b != 0)
            {
                long r = a % b;
                a = b;
                b = r;
            }

            return a;
        }

        private bool Refuse()
        {
            _refused++;
            _num = 0;
            _scaledVariance = 0;
            return false;
        }

        // |z| > t/1000  ⇔  a² > t²·D with a = 1000·|num| < 2^42 (spec §3). When a² fits 64 bits: t²·D > 2^63 > a²
        // when D exceeds long.MaxValue / t², else compare directly. Otherwise with q = floor(a / t): q² > D means
        // a/t > sqrt(D); (q + 1)² ≤ D means a/t < sqrt(D); only between them decide in 128 bits. D = 0: σ = 0 rule.
        private bool Exceeds(long num, long d)
        {
            if (d == 0)
            {
                return num != 0;
            }

            long a = 1000 * (num < 0 ? -num : num);
            if (a <= MaxSquarable)
            {
                return d <= _maxVarianceForThreshold && a * a > _thresholdSquared * d;
            }

            long q = a / _thresholdMilli;
            return q > SqrtOfMaxScaledVariance || q * q > d
                || ((q + 1) * (q + 1) > d && ExceedsWide((ulong)a, (ulong)_thresholdMilli, (ulong)d));
        }

        private static bool ExceedsWide(ulong a, ulong threshold, ulong d)
        {
            ulong leftHi;
            ulong leftLo;
            Wide.Multiply(a, a, out leftHi, out leftLo);
            ulong rightHi;
            ulong rightLo;
            Wide.Multiply(threshold * threshold, d, out rightHi, out rightLo);
            return Wide.LessThan(rightHi, rightLo, leftHi, leftLo);
        }

        private bool UpdateWide(int x)
        {
            int n = _ring.Length;
            _isReady = _wideSums.Count == n;
            if (_isReady)
            {
                ScoreWide(x, n);
                _wideSums.Remove(_ring[_next]);
            }
            else
            {
                _zMilli = 0;
                _isAnomaly = false;
            }

            _ring[_next] = x;
            _wideSums.Add(x);
            _next = _next + 1 == n ? 0 : _next + 1;
            return _isAnomaly;
        }

        // 128-bit path: sets the rounded z and the exact verdict (spec §3).
        private void ScoreWide(int x, int n)
        {
            long num = (long)n * x - _wideSums.Sum;
            ulong dHi;
            ulong dLo;
            _wideSums.ScaledVariance(out dHi, out dLo);
            if (dHi == 0 && dLo == 0)
            {
                _zMilli = num == 0 ? 0 : (num < 0 ? -FixedRatio.SaturatedMilli : FixedRatio.SaturatedMilli);
                _isAnomaly = num != 0;
                return;
            }

            _zMilli = FixedRatio.RatioToSqrtMilli(num, dHi, dLo);
            _isAnomaly = FixedRatio.RatioToSqrtExceeds(num, dHi, dLo, _thresholdMilli);
        }
    }
}
