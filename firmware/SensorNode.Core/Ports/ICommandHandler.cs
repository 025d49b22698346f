using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Carries out a validated command (docs/spec/mqtt.md §7). Returns Ok, or Unsupported / Rejected with
    /// nothing changed. Reboot and ota may act after the result is published (see the session API).
    /// </summary>
    public interface ICommandHandler
    {
        /// <summary>Runs the command.</summary>
        CommandStatus Execute(Command command);
    }
}
