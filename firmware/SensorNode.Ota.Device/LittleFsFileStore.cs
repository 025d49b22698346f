using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.Ota.Device
{
    /// <summary>
    /// <see cref="IFileStore"/> over nanoFramework's System.IO.FileSystem on the LittleFS drive (I:\).
    /// Upstream File.Move refuses an existing destination, so an atomic Replace/Rename is built from
    /// moves: the new contents go to "name.tmp", are moved to "name.new" (complete from then on), the old
    /// file is deleted and "name.new" moved into place; <see cref="Recover"/> (called by every read)
    /// finishes an interrupted switch, so readers see the old or the new file, never neither.
    /// The last file read stays open between reads (closed before any change), so streaming an image
    /// chunk by chunk does not open a FileStream per chunk.
    /// </summary>
    public sealed class LittleFsFileStore : IFileStore, IReadHandleHolder
    {
        private readonly string _root;
        private string _openPath;
        private FileStream _open;

        /// <summary>Files live directly under <paramref name="root"/>, e.g. "I:\\".</summary>
        public LittleFsFileStore(string root)
        {
            _root = root;
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            FileStream stream = OpenForRead(name);
            return stream == null ? -1 : (int)stream.Length;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            FileStream stream = OpenForRead(name);
            if (stream == null || position >= stream.Length)
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

        /// <inheritdoc />
        public void Append(string name, byte[] buffer, int offset, int count)
        {
            CloseOpen();
            string path = Recover(name);
            using (var stream = new FileStream(path, File.Exists(path) ? FileMode.Append : FileMode.Create, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
        }

        /// <inheritdoc />
        public void Replace(string name, byte[] buffer, int offset, int count)
        {
            CloseOpen();
            string path = Recover(name);
            string temp = path + ".tmp";
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }

            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }

            Switch(temp, path);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            CloseOpen();
            string path = Recover(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        /// <inheritdoc />
        public void Rename(string from, string to)
        {
            CloseOpen();
            string source = Recover(from);
            if (!File.Exists(source))
            {
                throw new IOException("rename: no file " + from);
            }

            Switch(source, Recover(to));
        }

        // source → path.new (from here on the new contents are complete), then old out, new in.
        private static void Switch(string source, string path)
        {
            string next = path + ".new";
            if (File.Exists(next))
            {
                File.Delete(next);
            }

            File.Move(source, next);
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(next, path);
        }

        /// <summary>Closes the file kept open for reading (call before handing the drive to other code).</summary>
        public void ReleaseReadHandle()
        {
            CloseOpen();
        }

        private FileStream OpenForRead(string name)
        {
            string path = _root + name;
            if (_open != null && _openPath == path)
            {
                return _open;
            }

            CloseOpen();
            path = Recover(name);
            if (!File.Exists(path))
            {
                return null;
            }

            _open = new FileStream(path, FileMode.Open, FileAccess.Read);
            _openPath = path;
            return _open;
        }

        private void CloseOpen()
        {
            if (_open != null)
            {
                _open.Dispose();
                _open = null;
                _openPath = null;
            }
        }

        private string Recover(string name)
        {
            string path = _root + name;
            string next = path + ".new";
            if (File.Exists(next))
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                File.Move(next, path);
            }

            return path;
        }
    }
}
