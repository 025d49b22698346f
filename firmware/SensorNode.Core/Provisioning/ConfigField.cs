namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Ids of <see cref="Config.NodeConfig"/> fields in set-config, get-config and the config blob
    /// (docs/spec/provisioning.md §4.3, docs/spec/config-blob.md). Persisted: never renumber.
    /// 1..39 are settable with set-config; 40..43 are files (set with put-file).
    /// </summary>
    public enum ConfigField : byte
    {
        /// <summary>No field (used in problems that concern no single field).</summary>
        None = 0,
        /// <summary>nodeId.</summary>
        NodeId = 1,
        /// <summary>topicPrefix.</summary>
        TopicPrefix = 2,
        /// <summary>wifiSsid.</summary>
        WifiSsid = 3,
        /// <summary>wifiPassword (secret).</summary>
        WifiPassword = 4,
        /// <summary>staticIp.</summary>
        StaticIp = 5,
        /// <summary>staticMask.</summary>
        StaticMask = 6,
        /// <summary>staticGateway.</summary>
        StaticGateway = 7,
        /// <summary>staticDns.</summary>
        StaticDns = 8,
        /// <summary>brokerHost.</summary>
        BrokerHost = 9,
        /// <summary>brokerPort.</summary>
        BrokerPort = 10,
        /// <summary>useTls.</summary>
        UseTls = 11,
        /// <summary>mqttUsername.</summary>
        MqttUsername = 12,
        /// <summary>mqttPassword (secret).</summary>
        MqttPassword = 13,
        /// <summary>keepAliveSeconds.</summary>
        KeepAliveSeconds = 14,
        /// <summary>mode (0 alwaysOn, 1 deepSleep).</summary>
        Mode = 15,
        /// <summary>sampleIntervalSeconds.</summary>
        SampleIntervalSeconds = 16,
        /// <summary>publishEvery.</summary>
        PublishEvery = 17,
        /// <summary>maxLatencySeconds.</summary>
        MaxLatencySeconds = 18,
        /// <summary>awakeBudgetMilliseconds.</summary>
        AwakeBudgetMilliseconds = 19,
        /// <summary>averageWindow.</summary>
        AverageWindow = 20,
        /// <summary>zWindow.</summary>
        ZWindow = 21,
        /// <summary>zThresholdMilli.</summary>
        ZThresholdMilli = 22,
        /// <summary>crestWindow.</summary>
        CrestWindow = 23,
        /// <summary>accelRateHertz.</summary>
        AccelRateHertz = 24,
        /// <summary>bme280Address.</summary>
        Bme280Address = 25,
        /// <summary>boardProfile.</summary>
        BoardProfile = 26,
        /// <summary>CA certificate file.</summary>
        CaCertificate = 40,
        /// <summary>Client certificate file.</summary>
        ClientCertificate = 41,
        /// <summary>Client private key file (secret).</summary>
        ClientKey = 42,
        /// <summary>OTA public key file.</summary>
        OtaPublicKey = 43,
    }
}
