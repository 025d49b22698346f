namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Outcome of a command (docs/spec/mqtt.md §7.4): the error table, row for row. The snake_case name of
    /// each member is the "error" text of the result. Never renumber.
    /// </summary>
    public enum CommandStatus
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>The payload is empty.</summary>
        Empty = 1,

        /// <summary>The payload is longer than 512 bytes.</summary>
        TooLong = 2,

        /// <summary>Not JSON, or a byte outside printable ASCII inside a string, or trailing data.</summary>
        Malformed = 3,

        /// <summary>Valid JSON whose top level is not an object.</summary>
        NotAnObject = 4,

        /// <summary>A value is an object or an array.</summary>
        NestedValue = 5,

        /// <summary>A key appears twice.</summary>
        DuplicateKey = 6,

        /// <summary>A key that this command does not take.</summary>
        UnknownKey = 7,

        /// <summary>No "cmd" key.</summary>
        MissingCmd = 8,

        /// <summary>"cmd" names no command.</summary>
        UnknownCmd = 9,

        /// <summary>A required key is absent.</summary>
        MissingField = 10,

        /// <summary>A value has the wrong JSON type (or a number has an exponent).</summary>
        WrongType = 11,

        /// <summary>A number is out of range, not whole where it must be, or a string too long.</summary>
        OutOfRange = 12,

        /// <summary>"url" is not http:// or https:// followed by a host.</summary>
        BadUrl = 13,

        /// <summary>"version" is not 1..32 of [0-9A-Za-z.+-].</summary>
        BadVersion = 14,

        /// <summary>"sha256" is not 64 hexadecimal digits.</summary>
        BadSha256 = 15,

        /// <summary>This node cannot run the command (for example no update support in this build).</summary>
        Unsupported = 16,

        /// <summary>The handler refused the command (busy, or storing the change failed); nothing changed.</summary>
        Rejected = 17,

        /// <summary>A string has an escape JSON does not define, \u without four hex digits, or an unpaired surrogate.</summary>
        BadEscape = 18,
    }
}
