namespace System.IO
{
    /// <summary>Declared surface of nanoFramework's System.IO.FileAccess.</summary>
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
