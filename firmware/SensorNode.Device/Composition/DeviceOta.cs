using SensorNode.Core;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Device.Network;
using SensorNode.Ota.Device;

namespace SensorNode.Device.Composition
{
    /// <summary>
    /// Builds the device's <see cref="OtaAgent"/> (the core's application half of signed updates; the loader
    /// made the boot decision already): NetHttpRange into the inactive slot, https with the provisioned CA
    /// (<see cref="HttpsImageRequests"/>), images checked with the key <see cref="DeviceOtaKey"/> chooses
    /// against <see cref="OtaTarget"/>.
    /// </summary>
    public static class DeviceOta
    {
        /// <summary>Bound of one HTTP connect or read, in milliseconds (the updater's per-read deadline too).</summary>
        public const int HttpTimeoutMilliseconds = 10000;

        /// <summary>An always-on trial that has not passed its health check by then reboots (the loader counts trial boots).</summary>
        public const long TrialHealthTimeoutMilliseconds = 600000;

        /// <summary>The agent; <paramref name="next"/> gets every command but "ota"; <paramref name="observer"/> every session event; <paramref name="clock"/> times the download deadlines.</summary>
        public static OtaAgent Create(NodeConfig config, IFileStore store, ICommandHandler next, ISessionObserver observer, IClock clock)
        {
            ImageVerifier verifier = new ImageVerifier(store, DeviceOtaKey.Load(store, config.OtaPublicKeyFile, "ota"), ImageVerifier.DefaultChunkBytes);
            NetHttpRange http = new NetHttpRange(HttpTimeoutMilliseconds);
            HttpsImageRequests tls = new HttpsImageRequests(StoreText.Pem(store, config.CaCertificateFile, config.MqttCaCertificatePem));
            http.Configure = new RequestConfigurer(tls.Apply);
            OtaAgent agent = new OtaAgent(store, http, verifier, OtaTarget.Policy(), config, FirmwareInfo.Version, next, observer, null, clock);
            agent.Updater.ReadTimeoutMilliseconds = HttpTimeoutMilliseconds;
            return agent;
        }
    }
}
