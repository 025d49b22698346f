// Public surface of UnitsNet.nanoFramework.RelativeHumidity 5.75.0 (assembly UnitsNet.RelativeHumidity), generated upstream from
// angularsen/UnitsNet UnitsNet.NanoFramework/GeneratedCode/Quantities/RelativeHumidity.g.cs:
// `public double Percent => As(...)`. Only the member SensorNode uses.
using System;

namespace UnitsNet
{
    public struct RelativeHumidity
    {
        public double Percent
        {
            get { throw new NotImplementedException(); }
        }
    }
}
