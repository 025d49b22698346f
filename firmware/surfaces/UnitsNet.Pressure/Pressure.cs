// Public surface of UnitsNet.nanoFramework.Pressure 5.75.0 (assembly UnitsNet.Pressure), generated upstream from
// angularsen/UnitsNet UnitsNet.NanoFramework/GeneratedCode/Quantities/Pressure.g.cs:
// `public double Pascals => As(...)`. Only the member SensorNode uses.
using System;

namespace UnitsNet
{
    public struct Pressure
    {
        public double Pascals
        {
            get { throw new NotImplementedException(); }
        }
    }
}
