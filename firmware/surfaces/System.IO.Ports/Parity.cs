namespace System.IO.Ports
{
    // Upstream: System.IO.Ports/Parity.cs.
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }
}
