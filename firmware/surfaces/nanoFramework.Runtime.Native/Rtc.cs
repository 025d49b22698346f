// Declared surface (upstream nanoFramework.Runtime.Native/RTC.cs, 1.7.11).
using System;

namespace nanoFramework.Runtime.Native
{
    public static class Rtc
    {
        public static bool SetSystemTime(System.DateTime time)
        {
            throw new NotImplementedException();
        }
    }
}
