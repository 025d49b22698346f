namespace SensorNode.Core.Config
{
    /// <summary>
    /// A node's whole configuration, as provisioned over serial (docs/spec/config-blob.md owns the
    /// persisted form) and used by the MQTT, duty-cycle and sensor code. Plain fields so that the
    /// device build needs no reflection or JSON library. Secrets are marked; they never leave the node.
    /// </summary>
    public sealed class NodeConfig
    {
        /// <summary>Node id, used in topics and the MQTT client id: 1..32 of [a-z0-9_-].</summary>
        public string NodeId = "node1";

        /// <summary>Topic prefix; the base topic is &lt;prefix&gt;/&lt;node-id&gt;.</summary>
        public string TopicPrefix = "sensornode";

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid = string.Empty;

        /// <summary>Wi-Fi passphrase. Secret.</summary>
        public string WifiPassword = string.Empty;

        /// <summary>Static IPv4 address, or empty for DHCP.</summary>
        public string StaticIp = string.Empty;

        /// <summary>Subnet mask for the static address.</summary>
        public string StaticMask = string.Empty;

        /// <summary>Gateway for the static address.</summary>
        public string StaticGateway = string.Empty;

        /// <summary>DNS server for the static address.</summary>
        public string StaticDns = string.Empty;

        /// <summary>MQTT broker host name or address.</summary>
        public string BrokerHost = string.Empty;

        /// <summary>MQTT broker TCP port.</summary>
        public int BrokerPort = 8883;

        /// <summary>TLS to the broker. Disabling it is reported at every connect.</summary>
        public bool UseTls = true;

        /// <summary>MQTT user name, or empty.</summary>
        public string MqttUsername = string.Empty;

        /// <summary>MQTT password. Secret.</summary>
        public string MqttPassword = string.Empty;

        /// <summary>PEM of the CA that signed the broker's certificate; required when <see cref="UseTls"/>.</summary>
        public string MqttCaCertificatePem = string.Empty;

        /// <summary>PEM client certificate for mutual TLS, or empty.</summary>
        public string MqttClientCertificatePem = string.Empty;

        /// <summary>PEM private key of the client certificate, or empty. Secret.</summary>
        public string MqttClientKeyPem = string.Empty;

        /// <summary>MQTT keep-alive, in seconds.</summary>
        public int KeepAliveSeconds = 60;

        /// <summary>Always-on or deep-sleep.</summary>
        public NodeMode Mode = NodeMode.AlwaysOn;

        /// <summary>Time between samples (wakes, in deep-sleep mode), in seconds.</summary>
        public int SampleIntervalSeconds = 60;

        /// <summary>Readings per batch before a publish is due (deep-sleep mode).</summary>
        public int PublishEvery = 1;

        /// <summary>Longest a reading may wait unpublished, in seconds.</summary>
        public int MaxLatencySeconds = 3600;

        /// <summary>Hard limit on one wake's awake time, in milliseconds.</summary>
        public int AwakeBudgetMilliseconds = 20000;

        /// <summary>Unpublished readings kept across deep sleep; beyond it the oldest are evicted and counted (1..65535).</summary>
        public int RetainedCapacityReadings = 256;

        /// <summary>Longest time without a radio session, so commands and updates are heard, in seconds (0 = never forced).</summary>
        public int CommandWindowSeconds = 3600;

        /// <summary>Time spent receiving commands per radio session, in milliseconds.</summary>
        public int CommandListenMilliseconds = 500;

        /// <summary>First backoff delay after a failed connection, in seconds (doubles per failure, with jitter).</summary>
        public int BackoffBaseSeconds = 60;

        /// <summary>Longest backoff delay between connection attempts, in seconds.</summary>
        public int BackoffMaxSeconds = 3600;

        /// <summary>Estimated time from the sleep timer firing to the runtime's start (bootloader, CLR), in milliseconds.</summary>
        public int BootOverheadMilliseconds = 300;

        /// <summary>Part of the awake budget kept for persisting and going to sleep after the radio, in milliseconds.</summary>
        public int PersistReserveMilliseconds = 1000;

        /// <summary>Moving-average window, in samples (1..4096).</summary>
        public int AverageWindow = 8;

        /// <summary>z-score window, in samples (1..4096).</summary>
        public int ZWindow = 32;

        /// <summary>Anomaly threshold on |z|, in thousandths.</summary>
        public int ZThresholdMilli = 4000;

        /// <summary>Crest-factor window, in accelerometer samples (1..4096).</summary>
        public int CrestWindow = 1024;

        /// <summary>Accelerometer output data rate, in hertz.</summary>
        public int AccelRateHertz = 800;

        /// <summary>Accelerometer range, ±g: 2, 4, 8 or 16 (samples at or beyond 99 % of it count as clipped).</summary>
        public int AccelRangeG = 4;

        /// <summary>BME280 I2C address: 0x76 or 0x77.</summary>
        public int Bme280Address = 0x76;

        /// <summary>Board profile name (hardware/boards/&lt;profile&gt;).</summary>
        public string BoardProfile = "esp32-devkitc";

        /// <summary>Boots an OTA image gets on trial before the automatic rollback (1..16).</summary>
        public int OtaMaxTrialBoots = 3;

        /// <summary>Most extra awake time a deep-sleeping node spends per wake on an OTA download, in milliseconds.</summary>
        public int OtaMaxExtraAwakeMilliseconds = 60000;

        /// <summary>OTA download and flash-append unit, in bytes (256..16384).</summary>
        public int OtaChunkBytes = 1024;

        /// <summary>Store file name of the broker CA certificate (PEM), or empty. Set by provisioning commit.</summary>
        public string CaCertificateFile = string.Empty;

        /// <summary>Store file name of the client certificate (PEM), or empty. Set by provisioning commit.</summary>
        public string ClientCertificateFile = string.Empty;

        /// <summary>Store file name of the client private key (PEM), or empty. Secret. Set by provisioning commit.</summary>
        public string ClientKeyFile = string.Empty;

        /// <summary>Store file name of the OTA signing public key (PEM), or empty. Set by provisioning commit.</summary>
        public string OtaPublicKeyFile = string.Empty;

        /// <summary>Configuration version, raised at every commit; reported in health.</summary>
        public int ConfigVersion = 0;
    }
}
