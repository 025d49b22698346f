namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Small persistent files: on the device, LittleFS on the internal flash drive I:\ (256 KB on 4 MB
    /// boards); on the host, a directory or an in-memory store that can lose power after any write.
    /// Names are flat ("state.bin"); adapters map them to paths.
    ///
    /// Durability contract (what LittleFS guarantees and the simulators enforce): every call that
    /// changes the store is atomic with respect to power loss at the file level EXCEPT
    /// <see cref="Append"/>, which may keep any prefix of the appended bytes when power is cut during
    /// the call. <see cref="Replace"/> is atomic: afterwards the file holds either the old or the new
    /// contents in full. Failures other than power loss throw <see cref="System.IO.IOException"/>.
    /// </summary>
    public interface IFileStore
    {
        /// <summary>Length of the file in bytes, or -1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns the bytes read (0 at end or when absent).</summary>
        int Read(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>Appends bytes to the file, creating it when absent.</summary>
        void Append(string name, byte[] buffer, int offset, int count);

        /// <summary>Atomically replaces (or creates) the file with exactly these bytes.</summary>
        void Replace(string name, byte[] buffer, int offset, int count);

        /// <summary>Deletes the file; no error when it does not exist.</summary>
        void Delete(string name);

        /// <summary>Atomically renames a file, replacing the destination if it exists.</summary>
        void Rename(string from, string to);
    }
}
