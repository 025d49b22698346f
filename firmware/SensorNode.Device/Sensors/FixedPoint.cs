namespace SensorNode.Device.Sensors
{
    /// <summary>Conversions from the bindings' double quantities to the core's fixed-point integers (once per read, not per sample).</summary>
    internal static class FixedPoint
    {
        /// <summary>value · scale rounded half away from zero (System.Math is not in mscorlib).</summary>
        public static int Scale(double value, int scale)
        {
            double scaled = value * scale;
            return (int)(scaled >= 0 ? scaled + 0.5 : scaled - 0.5);
        }
    }
}
