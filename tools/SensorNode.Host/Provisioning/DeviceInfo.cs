namespace SensorNode.Host.Provisioning;

/// <summary>The info response (docs/spec/provisioning.md §4.2).</summary>
public sealed record DeviceInfo(bool Provisioned, uint ConfigVersion, string NodeId, string FirmwareVersion, string HardwareProfile);
