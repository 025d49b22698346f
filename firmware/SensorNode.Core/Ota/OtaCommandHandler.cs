using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Accepts the "ota" command (docs/spec/mqtt.md §7.2, §11.3) and schedules the order for the node's
    /// loop, which runs it with <see cref="OtaUpdater.Start"/> after the result is published (§9.3: a
    /// handler never downloads synchronously). Other commands go to the next handler. Refusals change
    /// nothing: "rejected" with reason busy (an order is already scheduled) or trial_pending (an order for
    /// another version while a trial awaits its health check; an order for the trial's own version is
    /// accepted and changes nothing, so retained orders stay harmless); bad_url / bad_version for fields
    /// the parser let through but an update order does not accept.
    /// </summary>
    public sealed class OtaCommandHandler : ICommandHandler
    {
        /// <summary>Reason given when an order is already waiting to run.</summary>
        public const string Busy = "busy";

        /// <summary>Reason given while a trial image awaits its health check.</summary>
        public const string TrialPending = "trial_pending";

        private readonly OtaUpdater _updater;
        private readonly ICommandHandler _next;
        private readonly string _running;
        private OtaCommand _scheduled;

        /// <summary>Creates the handler for a node running <paramref name="running"/>; <paramref name="next"/> (may be null) gets every other command.</summary>
        public OtaCommandHandler(OtaUpdater updater, string running, ICommandHandler next)
        {
            _updater = updater;
            _running = running;
            _next = next;
        }

        /// <summary>True while an accepted order waits for <see cref="TakeScheduled"/>.</summary>
        public bool HasScheduled
        {
            get { return _scheduled != null; }
        }

        /// <inheritdoc />
        public CommandStatus Execute(Command command)
        {
            if (command.Kind != CommandKind.Ota)
            {
                return _next == null ? CommandStatus.Unsupported : _next.Execute(command);
            }

            if (_scheduled != null)
            {
                return Refuse(command, CommandStatus.Rejected, null, Busy);
            }

            if (command.OtaVersion != _running && _updater.IsTrialPending)
            {
                return Refuse(command, CommandStatus.Rejected, null, TrialPending);
            }

            OtaCommand order;
            string reason;
            if (!OtaCommand.TryCreate(command.OtaUrl, command.OtaVersion, command.OtaSha256, out order, out reason))
            {
                // The parser's rules are wider than an order's (§7.2 vs ota-slots.md §5): say which field.
                if (reason == "bad_url")
                {
                    return Refuse(command, CommandStatus.BadUrl, "url", null);
                }

                if (reason == "bad_version")
                {
                    return Refuse(command, CommandStatus.BadVersion, "version", null);
                }

                return Refuse(command, CommandStatus.BadSha256, "sha256", null);
            }

            _scheduled = order;
            return CommandStatus.Ok;
        }

        /// <summary>Returns the accepted order and clears it; null when none is waiting.</summary>
        public OtaCommand TakeScheduled()
        {
            OtaCommand order = _scheduled;
            _scheduled = null;
            return order;
        }

        private static CommandStatus Refuse(Command command, CommandStatus status, string field, string reason)
        {
            command.ErrorField = field;
            command.ErrorReason = reason;
            return status;
        }
    }
}
