namespace SensorNode.Core.Sensors
{
    /// <summary>Outcome of reading one channel. Persisted and on the wire: never renumber.</summary>
    public enum ReadingStatus
    {
        /// <summary>The value is valid.</summary>
        Ok = 0,

        /// <summary>The bus transfer or the sensor's handshake failed.</summary>
        ReadFailed = 1,

        /// <summary>The sensor answered but its checksum did not match.</summary>
        ChecksumError = 2,

        /// <summary>The value is outside the sensor's datasheet range.</summary>
        OutOfRange = 3,

        /// <summary>Too many identical values where sensor noise is expected.</summary>
        Stuck = 4,

        /// <summary>The sensor is absent (no answer at its address, wrong chip id).</summary>
        NotPresent = 5,
    }
}
