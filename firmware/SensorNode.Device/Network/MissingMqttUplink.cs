using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Device.Network
{
    /// <summary>
    /// Placeholder for the core's MQTT uplink (SensorNode.Core.Telemetry.MqttUplink, on another branch) until the
    /// lead wires it in <see cref="Composition.DeepSleepNode"/>: every call reports NotConnected, so a deep-sleeping
    /// node still samples, retains its readings and backs off, and publishes nothing. Not a finished uplink.
    /// </summary>
    public sealed class MissingMqttUplink : IUplink
    {
        /// <inheritdoc />
        public UplinkStatus Connect(long deadlineMilliseconds)
        {
            return UplinkStatus.NotConnected;
        }

        /// <inheritdoc />
        public int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds)
        {
            return 0;
        }

        /// <inheritdoc />
        public UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds)
        {
            return UplinkStatus.NotConnected;
        }

        /// <inheritdoc />
        public UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds)
        {
            return UplinkStatus.NotConnected;
        }

        /// <inheritdoc />
        public int ProcessCommands(long deadlineMilliseconds)
        {
            return 0;
        }

        /// <inheritdoc />
        public UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds)
        {
            return UplinkStatus.NotConnected;
        }
    }
}
