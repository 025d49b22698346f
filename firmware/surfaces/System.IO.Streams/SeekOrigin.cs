namespace System.IO
{
    // Upstream: System.IO.Streams/SeekOrigin.cs.
    [Serializable]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}
