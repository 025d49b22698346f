using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Device.Network
{
    /// <summary>
    /// The device's <see cref="IUplink"/>: Wi-Fi first (<see cref="Esp32WifiRadio"/>), then the MQTT uplink of the
    /// core (passed in; it does TLS, CONNECT, publishing and commands). Everything except Connect and Disconnect
    /// is the MQTT uplink's; Wi-Fi goes down after the MQTT goodbye.
    /// </summary>
    public sealed class DeviceUplink : IUplink
    {
        private readonly Esp32WifiRadio _wifi;
        private readonly IUplink _mqtt;

        /// <summary>Composes the radio and the broker session.</summary>
        public DeviceUplink(Esp32WifiRadio wifi, IUplink mqtt)
        {
            _wifi = wifi;
            _mqtt = mqtt;
        }

        /// <inheritdoc />
        public UplinkStatus Connect(long deadlineMilliseconds)
        {
            UplinkStatus wifi = _wifi.Connect(deadlineMilliseconds);
            return wifi != UplinkStatus.Ok ? wifi : _mqtt.Connect(deadlineMilliseconds);
        }

        /// <inheritdoc />
        public int PublishBatch(SampleRecord[] records, int count, long deadlineMilliseconds)
        {
            return _mqtt.PublishBatch(records, count, deadlineMilliseconds);
        }

        /// <inheritdoc />
        public UplinkStatus PublishHealth(DutyHealth health, long deadlineMilliseconds)
        {
            return _mqtt.PublishHealth(health, deadlineMilliseconds);
        }

        /// <inheritdoc />
        public UplinkStatus PublishState(SampleRecord latest, long deadlineMilliseconds)
        {
            return _mqtt.PublishState(latest, deadlineMilliseconds);
        }

        /// <inheritdoc />
        public int ProcessCommands(long deadlineMilliseconds)
        {
            return _mqtt.ProcessCommands(deadlineMilliseconds);
        }

        /// <inheritdoc />
        public UplinkStatus Disconnect(long sleepMilliseconds, long nextWakeUnixMilliseconds, long deadlineMilliseconds)
        {
            UplinkStatus status = _wifi.IsConnected ? _mqtt.Disconnect(sleepMilliseconds, nextWakeUnixMilliseconds, deadlineMilliseconds) : UplinkStatus.NotConnected;
            _wifi.Disconnect();
            return status;
        }
    }
}
