using System;

namespace SensorNode.Core.Simulation
{
    /// <summary>Thrown by a simulated part when the simulated power goes off; the "device" stops there.</summary>
    public sealed class PowerCutException : Exception
    {
        /// <summary>Creates the exception for the write operation that was cut.</summary>
        public PowerCutException(int writeIndex)
            : base("power cut at write " + writeIndex)
        {
            WriteIndex = writeIndex;
        }

        /// <summary>Zero-based index of the mutating operation during which power was lost.</summary>
        public int WriteIndex { get; private set; }
    }
}
