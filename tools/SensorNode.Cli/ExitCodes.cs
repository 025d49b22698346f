namespace SensorNode.Cli;

/// <summary>Process exit codes shared by every verb.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, and its answer is "no" (an invalid image, a failed check).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line or bad input: nothing was done, no partial output is left.</summary>
    public const int Usage = 2;
}
