using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Applies set_interval, set_thresholds and set_windows to a <see cref="NodeConfig"/> (raising its
    /// ConfigVersion) and passes every other command to the next handler, or answers Unsupported.
    /// The parser has already range-checked the values; a change is applied whole or not at all.
    /// </summary>
    public sealed class ConfigCommandHandler : ICommandHandler
    {
        private readonly NodeConfig _config;
        private readonly ICommandHandler _next;

        /// <summary>Creates the handler; <paramref name="next"/> may be null.</summary>
        public ConfigCommandHandler(NodeConfig config, ICommandHandler next)
        {
            _config = config;
            _next = next;
        }

        /// <summary>Raised after a configuration change was applied (persist it, rebuild filters).</summary>
        public event ConfigChangedHandler ConfigChanged;

        /// <inheritdoc />
        public CommandStatus Execute(Command command)
        {
            switch (command.Kind)
            {
                case CommandKind.SetInterval:
                    _config.SampleIntervalSeconds = command.IntervalSeconds;
                    break;
                case CommandKind.SetThresholds:
                    _config.ZThresholdMilli = command.ZThresholdMilli;
                    break;
                case CommandKind.SetWindows:
                    _config.AverageWindow = command.AverageWindow > 0 ? command.AverageWindow : _config.AverageWindow;
                    _config.ZWindow = command.ZWindow > 0 ? command.ZWindow : _config.ZWindow;
                    _config.CrestWindow = command.CrestWindow > 0 ? command.CrestWindow : _config.CrestWindow;
                    break;
                default:
                    return _next == null ? CommandStatus.Unsupported : _next.Execute(command);
            }

            _config.ConfigVersion++;
            ConfigChangedHandler changed = ConfigChanged;
            if (changed != null)
            {
                changed(_config);
            }

            return CommandStatus.Ok;
        }
    }
}
