using SensorNode.Core.Config;

namespace SensorNode.Core.Telemetry
{
    /// <summary>Called after a command changed the configuration.</summary>
    public delegate void ConfigChangedHandler(NodeConfig config);
}
