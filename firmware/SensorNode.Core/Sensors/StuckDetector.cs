using System;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Flags a value as stuck when it repeats <see cref="RepeatLimit"/> or more times in a row, on a channel
    /// where sensor noise makes exact repeats unlikely (docs/sensors.md §3). O(1), no allocation.
    /// </summary>
    public sealed class StuckDetector
    {
        private readonly int _repeatLimit;
        private int _last;

        /// <summary>Creates a detector that trips at <paramref name="repeatLimit"/> identical values in a row (≥ 2).</summary>
        public StuckDetector(int repeatLimit)
        {
            if (repeatLimit < 2)
            {
                throw new ArgumentOutOfRangeException("repeatLimit");
            }

            _repeatLimit = repeatLimit;
        }

        /// <summary>Identical values in a row that count as stuck.</summary>
        public int RepeatLimit
        {
            get { return _repeatLimit; }
        }

        /// <summary>Length of the current run of identical values (0 before the first value).</summary>
        public int RunLength { get; private set; }

        /// <summary>Adds a value; returns true while the run of identical values is at least the limit.</summary>
        public bool Update(int value)
        {
            if (RunLength > 0 && value == _last)
            {
                if (RunLength < int.MaxValue)
                {
                    RunLength++;
                }
            }
            else
            {
                _last = value;
                RunLength = 1;
            }

            return RunLength >= _repeatLimit;
        }

        /// <summary>Forgets the run.</summary>
        public void Reset()
        {
            RunLength = 0;
        }
    }
}
