namespace SensorNode.Device.Platform
{
    /// <summary>Work done just before the chip sleeps or reboots (put sensors in standby).</summary>
    public delegate void SleepHook();
}
