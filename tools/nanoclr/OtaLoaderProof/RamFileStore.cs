using System;
using SensorNode.Core.Ports;

namespace OtaLoaderProof
{
    /// <summary>
    /// <see cref="IFileStore"/> in RAM for the proof (nanoCLR has no file system natives): a few named files.
    /// On a device the slots live in flash (LittleFS); here they sit on the managed heap, which the heap figure
    /// of docs/benchmarks/footprint.md accounts for by measuring with and without loading.
    /// </summary>
    public sealed class RamFileStore : IFileStore, IReadHandleHolder
    {
        private readonly string[] _names = new string[8];
        private readonly byte[][] _files = new byte[8][];

        /// <summary>How many times the loader let go of its read handle.</summary>
        public int Releases { get; private set; }

        public int Length(string name)
        {
            int i = Find(name);
            return i < 0 ? -1 : _files[i].Length;
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            int i = Find(name);
            if (i < 0 || position >= _files[i].Length)
            {
                return 0;
            }

            int n = _files[i].Length - position < count ? _files[i].Length - position : count;
            Array.Copy(_files[i], position, buffer, offset, n);
            return n;
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            int i = Find(name);
            byte[] old = i < 0 ? new byte[0] : _files[i];
            var grown = new byte[old.Length + count];
            Array.Copy(old, grown, old.Length);
            Array.Copy(buffer, offset, grown, old.Length, count);
            Put(name, grown);
        }

        public void Replace(string name, byte[] buffer, int offset, int count)
        {
            var copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            Put(name, copy);
        }

        public void Delete(string name)
        {
            int i = Find(name);
            if (i >= 0)
            {
                _names[i] = null;
                _files[i] = null;
            }
        }

        public void Rename(string from, string to)
        {
            int i = Find(from);
            if (i >= 0)
            {
                Delete(to);
                _names[i] = to;
            }
        }

        public void ReleaseReadHandle()
        {
            Releases++;
        }

        /// <summary>Stores <paramref name="content"/> itself (no copy) under <paramref name="name"/>.</summary>
        public void Put(string name, byte[] content)
        {
            int i = Find(name);
            for (int free = 0; i < 0 && free < _names.Length; free++)
            {
                if ((object)_names[free] == null)
                {
                    i = free;
                }
            }

            _names[i] = name;
            _files[i] = content;
        }

        private int Find(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if ((object)_names[i] != null && string.Equals(_names[i], name))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
