// Public surface of UnitsNet.nanoFramework.Temperature 5.75.0 (assembly UnitsNet.Temperature), generated upstream from
// angularsen/UnitsNet UnitsNet.NanoFramework/GeneratedCode/Quantities/Temperature.g.cs:
// `public double DegreesCelsius => As(...)`. Only the member SensorNode uses.
using System;

namespace UnitsNet
{
    public struct Temperature
    {
        public double DegreesCelsius
        {
            get { throw new NotImplementedException(); }
        }
    }
}
