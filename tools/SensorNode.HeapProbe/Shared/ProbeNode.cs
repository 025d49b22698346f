using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace SensorNode.HeapProbe
{
    /// <summary>
    /// The parts both heap probes build as the device's composition root does (firmware/SensorNode.Device/Composition),
    /// with simulated ports in place of the hardware and the provisioned sizes of docs/node.example.json: filters
    /// 8/32/1024, 256 retained readings, 32-reading batches.
    /// </summary>
    public static class ProbeNode
    {
        /// <summary>Readings per telemetry batch (MqttFactory.BatchReadings on the device).</summary>
        public const int BatchReadings = 32;

        /// <summary>The command the simulated broker sends every few publishes: parsed, validated and applied.</summary>
        public const string CommandJson = "{\"id\":\"p1\",\"cmd\":\"set_thresholds\",\"z_threshold\":4.0}";

        public static NodeConfig Config(NodeMode mode)
        {
            NodeConfig config = new NodeConfig();
            config.NodeId = "heap-probe";
            config.Mode = mode;
            config.AverageWindow = 8;
            config.ZWindow = 32;
            config.CrestWindow = 1024;
            config.RetainedCapacityReadings = 256;
            return config;
        }

        public static SensorSampler Sensors(NodeConfig config, SimulatedClock clock)
        {
            return new SensorSampler(config, clock, clock, new SyntheticClimate(), new SyntheticPressure(), new SyntheticVibration());
        }

        public static TelemetrySession Session(IMqttLink link, NodeConfig config, ICommandHandler handler, IClock clock)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.ClientId = config.NodeId;
            options.KeepAliveSeconds = config.KeepAliveSeconds;
            return new TelemetrySession(link, new MqttTopics(config.TopicPrefix, config.NodeId), options, handler, clock, null, BatchReadings);
        }

        public static CountingMqttLink Broker(NodeConfig config)
        {
            return new CountingMqttLink(new MqttTopics(config.TopicPrefix, config.NodeId).Command, CommandJson);
        }
    }
}
