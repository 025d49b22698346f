using SensorNode.Core.Ports;

namespace SensorNode.Device.Composition
{
    /// <summary>
    /// Seam for the OTA adapters (issue 5, branch ota): what the firmware tells the update logic about this boot.
    /// Program passes null until the lead plugs the OTA helper's implementation in.
    /// </summary>
    public interface IOtaBootHooks
    {
        /// <summary>At boot, before anything else runs: count a trial boot of a new image, or roll back.</summary>
        void OnBoot(WakeCause cause);

        /// <summary>After the first successful broker session of this boot: confirm an image on trial.</summary>
        void OnHealthy();
    }
}
