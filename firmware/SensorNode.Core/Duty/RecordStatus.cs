namespace SensorNode.Core.Duty
{
    /// <summary>
    /// Result of validating one retained-log record; equal to the error table of
    /// docs/spec/retained-state.md §5. Persisted in reports: never renumber.
    /// </summary>
    public enum RecordStatus
    {
        /// <summary>The record is complete and valid.</summary>
        Ok = 0,

        /// <summary>Fewer bytes remain than the record needs: a torn append (power lost while writing). Not a fault.</summary>
        Truncated = 1,

        /// <summary>The kind byte is not one of the registered kinds.</summary>
        UnknownKind = 2,

        /// <summary>The length byte does not equal the fixed payload length of the kind.</summary>
        BadLength = 3,

        /// <summary>The CRC-32 does not match the record's bytes.</summary>
        BadCrc = 4,

        /// <summary>The header's magic is not "SNDL".</summary>
        BadMagic = 5,

        /// <summary>The header's layout version is not one this firmware reads.</summary>
        UnsupportedVersion = 6,

        /// <summary>The first record is not a header, or a header appears after the first record.</summary>
        MisplacedHeader = 7,

        /// <summary>A reading's sequence number is not greater than the previous reading's.</summary>
        SequenceNotIncreasing = 8,
    }
}
