using System.Threading;

namespace SensorNode.Cli;

/// <summary>
/// The stop request of the verb that runs on this call path: <see cref="Program.Run(System.Collections.Generic.IReadOnlyList{string}, System.IO.TextWriter, System.IO.TextWriter, CancellationToken)"/>
/// sets it, and every verb that runs until stopped (collect, monitor's live view, simulate) links it with its
/// own SIGINT/SIGTERM handling. A caller that runs verbs in-process (the tests) ends them with it, as Ctrl+C would.
/// </summary>
internal static class CliStop
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The stop request of the running verb; <see cref="CancellationToken.None"/> when nobody can stop it but a signal.</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>Sets the stop request for the verb run on this call path.</summary>
    public static void Set(CancellationToken stop) => Current.Value = stop;
}
