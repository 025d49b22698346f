using System.IO;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;

namespace SensorNode.Host.Simulation;

/// <summary>
/// The simulator's answer to the commands that act on hardware: identify and reboot are logged (there
/// is no LED, and the simulated node keeps running); ota is validated by the parser and then answered
/// "unsupported" until the update issue's handler is wired in.
/// </summary>
public sealed class HostCommandHandler : ICommandHandler
{
    private readonly TextWriter _log;

    /// <summary>Logs to <paramref name="log"/>.</summary>
    public HostCommandHandler(TextWriter log) => _log = log;

    /// <summary>True once a reboot was requested.</summary>
    public bool RebootRequested { get; private set; }

    /// <inheritdoc />
    public CommandStatus Execute(Command command)
    {
        switch (command.Kind)
        {
            case CommandKind.Identify:
                _log.WriteLine($"  identify: the LED would blink for {command.IdentifySeconds} s");
                return CommandStatus.Ok;
            case CommandKind.Reboot:
                _log.WriteLine("  reboot requested: a device reboots after the result; the simulator carries on");
                RebootRequested = true;
                return CommandStatus.Ok;
            case CommandKind.Ota:
                _log.WriteLine($"  ota requested: version {command.OtaVersion} from {command.OtaUrl} (no updater in this simulator build)");
                return CommandStatus.Unsupported;
            default:
                return CommandStatus.Unsupported;
        }
    }
}
