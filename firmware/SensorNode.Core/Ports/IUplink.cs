using SensorNode.Core.Sensors;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// What one wake needs from the radio (Wi-Fi, then MQTT) — see docs/time.md and docs/spec/retained-state.md.
    /// Every deadline is an absolute <see cref="IClock.MonotonicMilliseconds"/> value: each call returns by
    /// it whatever the network does (a broker that accepts TCP and never answers gives
    /// <see cref="UplinkStatus.Timeout"/> at the deadline), and returns at once when it has already passed.
    /// Calls never throw for network faults: they become statuses.
    /// </summary>
    public interface IUplink
    {
        /// <summary>Brings Wi-Fi up, then connects to the broker (TLS, MQTT CONNECT, subscriptions); may set the wall clock (SNTP).</summary>
        UplinkStatus Connect(long deadlineMilliseconds);

        /// <summary>
        /// Publishes readings at QoS 1 in the given order; returns how many of the first ones were
        /// acknowledged (PUBACK) by the deadline, 0..<paramref name="count"/>. Unacknowledged ones stay stored.
        /// </summary>
        int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds);

        /// <summary>Publishes the node's health (counters of the duty cycle and its retained state).</summary>
        UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds);

        /// <summary>Publishes the latest reading as the retained state (what dashboards show).</summary>
        UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds);

        /// <summary>Receives and applies pending commands until the deadline; returns how many were processed.</summary>
        int ProcessCommands(long deadlineMilliseconds);

        /// <summary>
        /// Announces sleep (availability "sleeping", next wake) and disconnects cleanly; the next wake is
        /// given as a duration and, when the wall clock is set, as Unix milliseconds (0 when unknown).
        /// </summary>
        UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds);
    }
}
