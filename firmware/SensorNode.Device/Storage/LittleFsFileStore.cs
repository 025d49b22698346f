using System;
using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Storage
{
    /// <summary>
    /// <see cref="IFileStore"/> on the ESP32's internal LittleFS drive I:\ (System.IO.FileSystem). nanoFramework's
    /// File.Move refuses an existing destination, so Replace writes "name.new" in full, deletes "name", then
    /// moves "name.new" into place; every access first finishes or discards such a leftover (a "name.new"
    /// without "name" is complete, because "name" is only deleted after "name.new" was written), which keeps
    /// Replace atomic across power loss. Rename deletes the destination first: during that window the source
    /// still exists, which is all ConfigStore needs (config-blob.md §4.2).
    /// </summary>
    public sealed class LittleFsFileStore : IFileStore
    {
        /// <summary>The internal flash drive on ESP32 targets.</summary>
        public const string DefaultRoot = "I:\\";

        private const string Pending = ".new";
        private readonly string _root;

        /// <summary>Creates the store on I:\.</summary>
        public LittleFsFileStore()
            : this(DefaultRoot)
        {
        }

        /// <summary>Creates the store on a drive or directory ending with a backslash.</summary>
        public LittleFsFileStore(string root)
        {
            _root = root;
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            string path = Recover(name);
            if (!File.Exists(path))
            {
                return -1;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return (int)stream.Length;
            }
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = Recover(name);
            if (!File.Exists(path))
            {
                return 0;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                if (position >= stream.Length)
                {
                    return 0;
                }

                stream.Seek(position, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int n = stream.Read(buffer, offset + total, count - total);
                    if (n <= 0)
                    {
                        break;
                    }

                    total += n;
                }

                return total;
            }
        }

        /// <inheritdoc />
        public void Append(string name, byte[] buffer, int offset, int count)
        {
            string path = Recover(name);
            using (FileStream stream = new FileStream(path, FileMode.Append, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
        }

        /// <inheritdoc />
        public void Replace(string name, byte[] buffer, int offset, int count)
        {
            string path = Recover(name);
            string pending = path + Pending;
            using (FileStream stream = new FileStream(pending, FileMode.Create, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }

            File.Delete(path);
            Move(pending, path);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = _root + name;
            File.Delete(path + Pending);
            File.Delete(path);
        }

        /// <inheritdoc />
        public void Rename(string from, string to)
        {
            string source = Recover(from);
            string destination = Recover(to);
            if (!File.Exists(source))
            {
                throw new IOException("rename: no file " + from);
            }

            File.Delete(destination);
            Move(source, destination);
        }

        private string Recover(string name)
        {
            string path = _root + name;
            string pending = path + Pending;
            if (File.Exists(pending))
            {
                if (File.Exists(path))
                {
                    File.Delete(pending);
                }
                else
                {
                    Move(pending, path);
                }
            }

            return path;
        }

        private static void Move(string from, string to)
        {
            try
            {
                File.Move(from, to);
            }
            catch (IOException)
            {
                throw;
            }
            catch (Exception)
            {
                // Upstream File.Move throws System.Exception for a missing source or existing destination.
                throw new IOException("move failed: " + from);
            }
        }
    }
}
