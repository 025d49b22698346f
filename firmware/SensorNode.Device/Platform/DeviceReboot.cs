using nanoFramework.Runtime.Native;

namespace SensorNode.Device.Platform
{
    /// <summary>Reboots the ESP32 (Power.RebootDevice): reboot commands, the end of provisioning, a stalled always-on loop.</summary>
    public static class DeviceReboot
    {
        /// <summary>Reboots now; does not return on the device.</summary>
        public static void Now()
        {
            Power.RebootDevice();
        }
    }
}
