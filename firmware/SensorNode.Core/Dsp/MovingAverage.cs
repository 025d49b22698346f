using System;

namespace SensorNode.Core.Dsp
{
    /// <summary>
    /// Mean of the last min(t, N) samples, x_t included, in the samples' own raw unit (rounded to the
    /// nearest unit, ties away from zero). O(1) per sample; the ring buffer is allocated once.
    /// </summary>
    public sealed class MovingAverage
    {
        /// <summary>Largest window, in samples.</summary>
        public const int MaxWindow = 4096;

        private readonly int[] _ring;
        private int _next;
        private int _count;
        private long _sum;

        /// <summary>Creates a filter over the last <paramref name="window"/> samples (1..4096).</summary>
        public MovingAverage(int window)
        {
            if (window < 1 || window > MaxWindow)
            {
                throw new ArgumentOutOfRangeException("window");
            }

            _ring = new int[window];
        }

        /// <summary>Window length N, in samples.</summary>
        public int Window
        {
            get { return _ring.Length; }
        }

        /// <summary>Samples currently averaged: min(t, N).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Latest mean, in raw units.</summary>
        public int Mean
        {
            get { return _count == 0 ? 0 : Rounded(_sum, _count); }
        }

        /// <summary>Adds x and returns the new mean in raw units.</summary>
        public int Update(int x)
        {
            int[] ring = _ring;
            int next = _next;
            if (_count == ring.Length)
            {
                _sum -= ring[next];
            }
            else
            {
                _count++;
            }

            ring[next] = x;
            long sum = _sum + x;
            _sum = sum;
            _next = next + 1 == ring.Length ? 0 : next + 1;

            // Rounded(sum, count) written out, and the mean not stored (Mean derives it): the interpreter pays
            // for every call and every field access, and this runs for every sample of every channel.
            long count = _count;
            long half = count >> 1;
            return (int)(sum >= 0 ? (sum + half) / count : -((half - sum) / count));
        }

        // sum / count rounded to nearest, ties away from zero (FixedRatio.DivideRounded).
        private static int Rounded(long sum, long count)
        {
            long half = count >> 1;
            return (int)(sum >= 0 ? (sum + half) / count : -((half - sum) / count));
        }

        /// <summary>The <paramref name="index"/>-th oldest value in the window (0 ≤ index &lt; <see cref="Count"/>).</summary>
        public int HistoryAt(int index)
        {
            int oldest = _count < _ring.Length ? 0 : _next;
            int i = oldest + index;
            return _ring[i >= _ring.Length ? i - _ring.Length : i];
        }

        /// <summary>Forgets every sample.</summary>
        public void Reset()
        {
            _next = 0;
            _count = 0;
            _sum = 0;
        }
    }
}
