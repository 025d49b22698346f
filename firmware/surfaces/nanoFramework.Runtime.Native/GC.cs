// Declared surface (upstream nanoFramework.Runtime.Native/GC.cs, 1.7.11). Clashes with System.GC: qualify it.
using System;

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap)
        {
            throw new NotImplementedException();
        }
    }
}
