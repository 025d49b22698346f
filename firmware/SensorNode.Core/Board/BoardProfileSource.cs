namespace SensorNode.Core.Board
{
    /// <summary>Where the board profile in use came from; reported in health. Never renumber.</summary>
    public enum BoardProfileSource
    {
        /// <summary>The profile file in the file store.</summary>
        File = 0,

        /// <summary>The built-in profile named in the config.</summary>
        BuiltIn = 1,

        /// <summary>The built-in esp32-devkitc profile, because the named one is unknown.</summary>
        Default = 2,
    }
}
