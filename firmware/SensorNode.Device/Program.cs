using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Device.Composition;
using SensorNode.Device.Platform;
using SensorNode.Ota.Device;

namespace SensorNode.Device
{
    /// <summary>
    /// Device composition root: only wiring. Mount I:\, load the configuration, run the provisioning console
    /// when needed (then reboot), else run the node in its mode. Every helper is in Composition/ and Platform/.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point; on the device it ends in deep sleep or runs forever.</summary>
        public static void Main()
        {
            HighResTimerClock clock = new HighResTimerClock();
            Esp32SleepController sleep = new Esp32SleepController();

            // Updates: the loader (SensorNode.Loader) chose the slot before this Main ran; each node mode builds its
            // DeviceOta (updater, "ota" command, reports, trial confirmation).
            LittleFsFileStore store = new LittleFsFileStore(DeviceDrive.Root);
            NodeConfig config = new NodeConfig();
            ConfigLoadStatus load = new ConfigStore(store).Load(config);
            BoardProfile profile = BoardSetup.LoadProfile(store, config);
            if (ProvisioningBoot.RunIfRequested(store, load, config, profile, sleep.WakeCause, clock))
            {
                DeviceReboot.Now();
                return;
            }

            if (config.Mode == NodeMode.DeepSleep)
            {
                DeepSleepNode.Run(config, profile, store, clock, sleep);
            }
            else
            {
                AlwaysOnNode.Run(config, profile, store, clock, sleep.WakeCause);
            }
        }
    }
}
