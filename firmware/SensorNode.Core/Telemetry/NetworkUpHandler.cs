using SensorNode.Core.Ports;

namespace SensorNode.Core.Telemetry
{
    /// <summary>Brings the network (Wi-Fi) up by an absolute monotonic deadline; Ok or WifiFailed/Timeout.</summary>
    public delegate UplinkStatus NetworkUpHandler(long deadlineMilliseconds);
}
