namespace System.IO
{
    /// <summary>Declared surface of nanoFramework's System.IO.File. Note upstream Move throws when the destination exists.</summary>
    public static class File
    {
        public static void Delete(string path) => throw new NotImplementedException();

        public static bool Exists(string path) => throw new NotImplementedException();

        public static void Move(string sourceFileName, string destFileName) => throw new NotImplementedException();
    }
}
