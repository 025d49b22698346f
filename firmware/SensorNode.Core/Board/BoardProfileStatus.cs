namespace SensorNode.Core.Board
{
    /// <summary>Result of parsing a board profile; equal to the error table of docs/spec/board-profile.md §5. Never renumber.</summary>
    public enum BoardProfileStatus
    {
        /// <summary>The profile is valid.</summary>
        Ok = 0,

        /// <summary>The text is longer than <see cref="BoardProfileParser.MaxBytes"/>.</summary>
        TooLarge = 1,

        /// <summary>A line is longer than <see cref="BoardProfileParser.MaxLineBytes"/>.</summary>
        LineTooLong = 2,

        /// <summary>A byte other than printable ASCII, tab, CR or LF.</summary>
        BadCharacter = 3,

        /// <summary>A non-comment line without '='.</summary>
        MissingSeparator = 4,

        /// <summary>A key not in the key table.</summary>
        UnknownKey = 5,

        /// <summary>A key given twice.</summary>
        DuplicateKey = 6,

        /// <summary>A value that is not of the key's type (number, name, axis).</summary>
        BadValue = 7,

        /// <summary>A number outside the key's range or allowed set.</summary>
        OutOfRange = 8,

        /// <summary>A GPIO that does not exist on the module, or an input-only GPIO (34–39) where an output is needed.</summary>
        InvalidPin = 9,

        /// <summary>A required key is absent.</summary>
        MissingKey = 10,

        /// <summary>Two functions on one GPIO, or a DHT22 pin pair with only one pin set.</summary>
        PinConflict = 11,
    }
}
