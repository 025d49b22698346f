namespace System.IO
{
    /// <summary>Declared surface of nanoFramework's System.IO.FileMode.</summary>
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }
}
