using System;

namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Crest factor over non-overlapping windows of N samples. Per window the mean (DC) is removed:
    /// r_i = x_i − Σx/N; RMS = sqrt(Σr²/N) = sqrt(N·Σx² − (Σx)²) / N; peak = max|r_i|, reached at the
    /// window's minimum or maximum; crest = peak / RMS, or 0 when RMS = 0. Only sums, min and max are kept,
    /// so a window costs O(N) time and O(1) memory; results are exact integers up to the final rounding.
    /// </summary>
    public sealed class CrestFactor
    {
        /// <summary>Largest window, in samples.</summary>
        public const int MaxWindow = 4096;

        private const long Micro = 1000000;

        private readonly int _window;
        private SumOfSquares _sums;
        private int _min;
        private int _max;

        /// <summary>Creates a calculator for windows of <paramref name="window"/> samples (1..4096).</summary>
        public CrestFactor(int window)
        {
            if (window < 1 || window > MaxWindow)
            {
                throw new ArgumentOutOfRangeException("window");
            }

            _window = window;
        }

        /// <summary>Window length N, in samples.</summary>
        public int Window
        {
            get { return _window; }
        }

        /// <summary>Samples in the window being filled.</summary>
        public int Pending
        {
            get { return _sums.Count; }
        }

        /// <summary>RMS of the last completed window, in millionths of a raw unit.</summary>
        public long RmsMicro { get; private set; }

        /// <summary>Peak |x − mean| of the last completed window, in millionths of a raw unit.</summary>
        public long PeakMicro { get; private set; }

        /// <summary>RMS of the last completed window, in thousandths of a raw unit (rounded).</summary>
        public long RmsMilli
        {
            get { return FixedRatio.DivideRounded(RmsMicro, 1000); }
        }

        /// <summary>Peak |x − mean| of the last completed window, in thousandths of a raw unit (rounded).</summary>
        public long PeakMilli
        {
            get { return FixedRatio.DivideRounded(PeakMicro, 1000); }
        }

        /// <summary>Crest factor of the last completed window, in thousandths (0 when RMS = 0).</summary>
        public int CrestMilli { get; private set; }

        /// <summary>Completed windows since construction or reset.</summary>
        public int WindowsCompleted { get; private set; }

        /// <summary>Adds a sample; returns true when it completes a window and the results are updated.</summary>
        public bool Add(int x)
        {
            if (_sums.Count == 0)
            {
                _min = x;
                _max = x;
            }
            else if (x < _min)
            {
                _min = x;
            }
            else if (x > _max)
            {
                _max = x;
            }

            _sums.Add(x);
            if (_sums.Count < _window)
            {
                return false;
            }

            Complete();
            _sums.Clear();
            WindowsCompleted++;
            return true;
        }

        /// <summary>Adds <paramref name="count"/> samples from a caller-owned buffer; returns the windows completed.</summary>
        public int AddRange(int[] samples, int offset, int count)
        {
            int completed = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (Add(samples[i]))
                {
                    completed++;
                }
            }

            return completed;
        }

        /// <summary>Drops the partial window and the last results.</summary>
        public void Reset()
        {
            _sums.Clear();
            RmsMicro = 0;
            PeakMicro = 0;
            CrestMilli = 0;
            WindowsCompleted = 0;
        }

        private void Complete()
        {
            long n = _window;
            ulong dHi;
            ulong dLo;
            _sums.ScaledVariance(out dHi, out dLo);
            long high = n * _max - _sums.Sum;
            long low = _sums.Sum - n * _min;
            long peakScaled = high > low ? high : low;

            // peak = peakScaled / N, split so that 10^6 · peakScaled (up to 2^64) never overflows.
            PeakMicro = ((peakScaled / n) * Micro) + FixedRatio.DivideRounded((peakScaled % n) * Micro, n);
            if (dHi == 0 && dLo == 0)
            {
                RmsMicro = 0;
                CrestMilli = 0;
                return;
            }

            // sqrt(D · 10^12) = 10^6 · sqrt(D); D < 2^86, so D · 10^12 < 2^126 stays in 128 bits.
            ulong hi;
            ulong lo;
            Wide.Multiply(dLo, (ulong)Micro * Micro, out hi, out lo);
            hi += dHi * (ulong)Micro * Micro;
            RmsMicro = FixedRatio.DivideRounded((long)Wide.Sqrt(hi, lo), n);
            CrestMilli = FixedRatio.RatioToSqrtMilli(peakScaled, dHi, dLo);
        }
    }
}
