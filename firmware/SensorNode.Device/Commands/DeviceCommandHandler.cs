using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;

namespace SensorNode.Device.Commands
{
    /// <summary>
    /// The device's share of the commands (docs/spec/mqtt.md §7): reboot is accepted and carried out by the
    /// composition root after the result is published (Power.RebootDevice); identify is Unsupported (no board
    /// profile has an LED); ota goes to the OTA handler when one is plugged in, else Unsupported.
    /// </summary>
    public sealed class DeviceCommandHandler : ICommandHandler
    {
        private readonly ICommandHandler _ota;

        /// <summary>Creates the handler; <paramref name="ota"/> may be null until the OTA adapter is merged.</summary>
        public DeviceCommandHandler(ICommandHandler ota)
        {
            _ota = ota;
        }

        /// <summary>True once a reboot was accepted.</summary>
        public bool RebootRequested { get; private set; }

        /// <inheritdoc />
        public CommandStatus Execute(Command command)
        {
            switch (command.Kind)
            {
                case CommandKind.Reboot:
                    RebootRequested = true;
                    return CommandStatus.Ok;
                case CommandKind.Ota:
                    return _ota == null ? CommandStatus.Unsupported : _ota.Execute(command);
                default:
                    return CommandStatus.Unsupported;
            }
        }
    }
}
