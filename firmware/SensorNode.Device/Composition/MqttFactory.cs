using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Device.Mqtt;

namespace SensorNode.Device.Composition
{
    /// <summary>Builds the broker link and the telemetry session from the provisioned configuration.</summary>
    public static class MqttFactory
    {
        /// <summary>Longest wait for one broker answer (CONNACK, PUBACK, SUBACK), in milliseconds.</summary>
        public const int LinkTimeoutMilliseconds = 10000;

        /// <summary>Readings per telemetry publish.</summary>
        public const int BatchReadings = 32;

        /// <summary>M2MqttLink with the CA, client certificate and key the provisioning console stored; throws when TLS lacks a CA.</summary>
        public static M2MqttLink CreateLink(NodeConfig config, IFileStore store)
        {
            byte[] ca = StoreText.Pem(store, config.CaCertificateFile, config.MqttCaCertificatePem);
            byte[] cert = StoreText.Pem(store, config.ClientCertificateFile, config.MqttClientCertificatePem);
            string key = StoreText.Ascii(StoreText.Pem(store, config.ClientKeyFile, config.MqttClientKeyPem));
            return new M2MqttLink(config.BrokerHost, config.BrokerPort, config.UseTls, ca, cert, key, LinkTimeoutMilliseconds);
        }

        /// <summary>The session: client id = node id, credentials, keep-alive; the will is set by the session.</summary>
        public static TelemetrySession CreateSession(IMqttLink link, NodeConfig config, ICommandHandler handler, IClock clock, ISessionObserver observer)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = config.NodeId;
            options.Username = config.MqttUsername;
            options.Password = config.MqttPassword;
            options.KeepAliveSeconds = config.KeepAliveSeconds;
            return new TelemetrySession(link, new MqttTopics(config.TopicPrefix, config.NodeId), options, handler, clock, observer, BatchReadings);
        }
    }
}
