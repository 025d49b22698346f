using SensorNode.Core.Ports;

namespace NFUnitTest.Telemetry
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class TestClock : IClock
    {
        public long Now;
        public long Unix;

        public long MonotonicMilliseconds
        {
            get { return Now; }
        }

        public bool TryGetUnixMilliseconds(out long unixMilliseconds)
        {
            unixMilliseconds = Unix + Now;
            return Unix > 0;
        }
    }
}
