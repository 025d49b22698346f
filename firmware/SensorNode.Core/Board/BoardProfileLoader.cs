using SensorNode.Core.Ports;

namespace SensorNode.Core.Board
{
    /// <summary>
    /// Chooses the board profile at boot (docs/spec/board-profile.md §1): the file <see cref="FileName"/> in the
    /// file store when it exists and parses, otherwise the built-in profile named in the config, otherwise
    /// the built-in esp32-devkitc. Never throws for bad files; reports what it used.
    /// </summary>
    public static class BoardProfileLoader
    {
        /// <summary>Name of the profile file in the node's file store (I:\ on the device).</summary>
        public const string FileName = "board.profile";

        /// <summary>Name of the profile used when nothing else is valid.</summary>
        public const string DefaultName = "esp32-devkitc";

        /// <summary>
        /// Loads into <paramref name="profile"/>. <paramref name="fileStatus"/> is the parse result of the file
        /// (Ok also when there was no file or no store) with its line in <paramref name="errorLine"/>;
        /// the return value says where the profile came from.
        /// </summary>
        public static BoardProfileSource Load(IFileStore store, string builtInName, BoardProfile profile, out BoardProfileStatus fileStatus, out int errorLine)
        {
            fileStatus = BoardProfileStatus.Ok;
            errorLine = 0;
            int length = store == null ? -1 : store.Length(FileName);
            if (length > BoardProfileParser.MaxBytes)
            {
                fileStatus = BoardProfileStatus.TooLarge;
            }
            else if (length >= 0)
            {
                byte[] text = new byte[length];
                int read = store.Read(FileName, 0, text, 0, length);
                fileStatus = BoardProfileParser.Parse(text, 0, read, profile, out errorLine);
                if (fileStatus == BoardProfileStatus.Ok)
                {
                    return BoardProfileSource.File;
                }
            }

            int ignored;
            string builtIn = BuiltInProfiles.Find(builtInName);
            if (builtIn != null && BoardProfileParser.ParseText(builtIn, profile, out ignored) == BoardProfileStatus.Ok)
            {
                return BoardProfileSource.BuiltIn;
            }

            BoardProfileParser.ParseText(BuiltInProfiles.Find(DefaultName), profile, out ignored);
            return BoardProfileSource.Default;
        }
    }
}
