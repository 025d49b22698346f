using SensorNode.Core.Ports;

namespace NFUnitTest.Provisioning
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class ManualClock : IClock
    {
        public long Now;

        public long MonotonicMilliseconds
        {
            get { return Now; }
        }

        public bool TryGetUnixMilliseconds(out long unixMilliseconds)
        {
            unixMilliseconds = 0;
            return false;
        }
    }
}
