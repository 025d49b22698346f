using SensorNode.Core;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Ota;

/// <summary>
/// The loader's part of a simulated boot (SensorNode.Loader on the device): the boot table over the slots
/// in the node's flash, then the version of the image it starts. The simulator does not load the image's
/// assemblies: the running version is what the node reports (health firmware_version, ota "running").
/// </summary>
public static class SimulatedLoader
{
    /// <summary>Decides this boot (writing its one state record) and names the version it runs.</summary>
    public static BootDecision Boot(IFileStore store, RsaPublicKey key, ImagePolicy policy, int maxTrialBoots, out string runningVersion)
    {
        var boot = new BootManager(store, new ImageVerifier(store, key, ImageVerifier.DefaultChunkBytes), policy) { DefaultMaxTrialBoots = maxTrialBoots };
        BootDecision decision = boot.Boot();
        runningVersion = FirmwareInfo.Version;
        var check = new ImageVerifier(store, key, ImageVerifier.DefaultChunkBytes);
        if (decision.Slot != SlotFiles.None && check.CheckStructure(decision.ImageName!) == ImageStatus.Ok)
        {
            runningVersion = check.Header.VersionText;
        }

        return decision;
    }
}
