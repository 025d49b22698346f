using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;

namespace SensorNode.Device.Provisioning
{
    /// <summary>
    /// Device side of entering and running the provisioning console (docs/spec/provisioning.md §7). The
    /// composition root reads the button and the wake cause, calls <see cref="ShouldEnter"/>, and when it
    /// says so, <see cref="Run"/>; after Run returns it reboots (Power.RebootDevice) into the new configuration.
    /// </summary>
    public static class ProvisioningEntry
    {
        /// <summary>Decides at boot whether to run the console; may watch the UART for the serial window.</summary>
        public static bool ShouldEnter(IFileStore store, bool buttonHeldAtBoot, bool coldBoot, ISerialLink link, IClock clock)
        {
            ConfigLoadStatus load = new ConfigStore(store).Load(new Core.Config.NodeConfig());
            bool serial = ConsoleTrigger.WatchSerialWindow(load, buttonHeldAtBoot, coldBoot)
                && SerialRequestSeen(link, clock, ConsoleTrigger.SerialWindowMilliseconds);
            return ConsoleTrigger.ShouldRun(load, buttonHeldAtBoot, serial);
        }

        /// <summary>
        /// Watches the link for a request: a BREAK (read as 0x00 by the ESP32 UART) or a frame delimiter,
        /// which starts every request frame, so a host that keeps sending hello during a reset also gets in.
        /// </summary>
        public static bool SerialRequestSeen(ISerialLink link, IClock clock, int windowMilliseconds)
        {
            byte[] buffer = new byte[32];
            long end = clock.MonotonicMilliseconds + windowMilliseconds;
            while (clock.MonotonicMilliseconds < end)
            {
                int n = link.Read(buffer, 0, buffer.Length, 50);
                if (n < 0)
                {
                    return false;
                }

                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] == 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Serves the console until the host asks for a reboot (or the link closes).</summary>
        public static void Run(ISerialLink link, IClock clock, IFileStore store, DeviceIdentity identity)
        {
            ProvisioningConsole console = new ProvisioningConsole(store, identity);
            ProvisioningSession session = new ProvisioningSession(link, clock, console);
            while (!console.RebootRequested)
            {
                if (!session.Pump(100))
                {
                    return;
                }
            }
        }
    }
}
