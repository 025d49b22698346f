namespace SensorNode.Device.Platform
{
    /// <summary>Free managed heap for health reports.</summary>
    public static class Esp32Memory
    {
        /// <summary>Runs the GC without compaction and returns the free managed heap, in bytes (the GC's own figure).</summary>
        public static long FreeManagedBytes()
        {
            // nanoFramework.Runtime.Native.GC, not System.GC (which has no Collect in mscorlib 1.17.11).
            return nanoFramework.Runtime.Native.GC.Run(false);
        }
    }
}
