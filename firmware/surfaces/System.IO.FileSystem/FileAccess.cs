namespace System.IO
{
    // Upstream: System.IO.FileSystem/FileAccess.cs.
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
