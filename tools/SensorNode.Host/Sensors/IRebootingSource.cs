using SensorNode.Core.Ports;

namespace SensorNode.Host.Sensors;

/// <summary>A sample source that outlives simulated boots (the world) but rebuilds what the node would (its sampler) at each one.</summary>
public interface IRebootingSource
{
    /// <summary>Called at every boot, before the first sample, with the node's flash.</summary>
    void Reboot(IFileStore flash);
}
