namespace System.IO.Ports
{
    // Upstream: System.IO.Ports/StopBits.cs.
    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }
}
