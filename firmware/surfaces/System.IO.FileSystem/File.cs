namespace System.IO
{
    // Upstream: System.IO.FileSystem/File.cs. Move throws when the destination exists.
    public static class File
    {
        public static void Delete(string path)
        {
            throw new NotImplementedException();
        }

        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }

        public static void Move(string sourceFileName, string destFileName)
        {
            throw new NotImplementedException();
        }
    }
}
