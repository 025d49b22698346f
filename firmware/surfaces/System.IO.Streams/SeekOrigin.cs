namespace System.IO
{
    /// <summary>Declared surface of nanoFramework's System.IO.SeekOrigin.</summary>
    [Serializable]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}
