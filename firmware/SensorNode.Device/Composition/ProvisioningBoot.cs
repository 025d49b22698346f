using System;
using SensorNode.Core;
using SensorNode.Core.Board;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;
using SensorNode.Device.Platform;
using SensorNode.Device.Provisioning;

namespace SensorNode.Device.Composition
{
    /// <summary>
    /// Decides at boot whether the provisioning console runs (docs/spec/provisioning.md §7: unprovisioned, or a
    /// BREAK/frame on COM2 within the window after a cold boot) and runs it on COM2. The UART is only opened when
    /// it can matter, so deep-sleep timer wakes cost nothing here.
    /// </summary>
    public static class ProvisioningBoot
    {
        /// <summary>Runs the console when due; true when it ran (the caller then reboots into the new configuration).</summary>
        public static bool RunIfRequested(IFileStore store, ConfigLoadStatus load, NodeConfig config, BoardProfile profile, WakeCause cause, IClock clock)
        {
            bool coldBoot = cause == WakeCause.PowerOn || cause == WakeCause.Unknown;
            bool buttonHeldAtBoot = false; // no board profile has a console button yet
            if (!ConsoleTrigger.ShouldRun(load, buttonHeldAtBoot, false) && !ConsoleTrigger.WatchSerialWindow(load, buttonHeldAtBoot, coldBoot))
            {
                return false;
            }

            Esp32Pins.ApplyConsoleUart();
            UartSerialLink link = new UartSerialLink();
            try
            {
                if (!ProvisioningEntry.ShouldEnter(store, buttonHeldAtBoot, coldBoot, link, clock))
                {
                    return false;
                }

                Console.WriteLine("provisioning console on " + UartSerialLink.DefaultPortName);
                ProvisioningEntry.Run(link, clock, store, new DeviceIdentity(config.NodeId, profile.Name, FirmwareInfo.Version));
                return true;
            }
            finally
            {
                link.Close();
            }
        }
    }
}
