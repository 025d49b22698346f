// Public surface of nanoFramework.Hardware.Esp32 1.6.40, nanoFramework.Hardware.Esp32/NativeMemory.cs.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class NativeMemory
    {
        public enum MemoryType
        {
            All,
            Internal,
            SpiRam,
        }

        public static void GetMemoryInfo(MemoryType memType, out UInt32 totalSize, out UInt32 totalFreeSize, out UInt32 largestFreeBlock)
        {
            throw new NotImplementedException();
        }
    }
}
