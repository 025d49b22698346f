using System;
using System.Collections;
using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.HeapProbe
{
    /// <summary>
    /// The node's flash for the heap probes. A device keeps its files in flash; here they must sit on the managed heap,
    /// so they are held once, in 256-byte chunks: an append fills the last chunk, never copies the file (the test
    /// suite's SimulatedFileStore copies a whole file per append, which a device never does). <see cref="PeakBytes"/>
    /// is the most chunk memory the files ever held: heap the probe needs and a device does not.
    /// </summary>
    public sealed class ChunkedFileStore : IFileStore
    {
        public const int ChunkBytes = 256;
        private const int MaxFiles = 8;

        private readonly string[] _names = new string[MaxFiles];
        private readonly ArrayList[] _chunks = new ArrayList[MaxFiles];
        private readonly int[] _lengths = new int[MaxFiles];
        private int _heldChunks;

        /// <summary>Most bytes of chunks held at once.</summary>
        public int PeakBytes { get; private set; }

        public int Length(string name)
        {
            int i = Find(name);
            return i < 0 ? -1 : _lengths[i];
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            int i = Find(name);
            if (i < 0 || position >= _lengths[i])
            {
                return 0;
            }

            int n = _lengths[i] - position < count ? _lengths[i] - position : count;
            for (int done = 0; done < n;)
            {
                int at = position + done;
                int inChunk = ChunkBytes - (at % ChunkBytes);
                int take = n - done < inChunk ? n - done : inChunk;
                Array.Copy((byte[])_chunks[i][at / ChunkBytes], at % ChunkBytes, buffer, offset + done, take);
                done += take;
            }

            return n;
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            int i = Find(name);
            if (i < 0)
            {
                i = Create(name);
            }

            for (int done = 0; done < count;)
            {
                int at = _lengths[i];
                if (at % ChunkBytes == 0 && at / ChunkBytes == _chunks[i].Count)
                {
                    _chunks[i].Add(new byte[ChunkBytes]);
                    _heldChunks++;
                    if (_heldChunks * ChunkBytes > PeakBytes)
                    {
                        PeakBytes = _heldChunks * ChunkBytes;
                    }
                }

                int room = ChunkBytes - (at % ChunkBytes);
                int take = count - done < room ? count - done : room;
                Array.Copy(buffer, offset + done, (byte[])_chunks[i][at / ChunkBytes], at % ChunkBytes, take);
                _lengths[i] += take;
                done += take;
            }
        }

        public void Replace(string name, byte[] buffer, int offset, int count)
        {
            Delete(name);
            Append(name, buffer, offset, count);
        }

        public void Delete(string name)
        {
            int i = Find(name);
            if (i >= 0)
            {
                _heldChunks -= _chunks[i].Count;
                _names[i] = null;
                _chunks[i] = null;
                _lengths[i] = 0;
            }
        }

        public void Rename(string from, string to)
        {
            int i = Find(from);
            if (i < 0)
            {
                throw new IOException("rename: no file " + from);
            }

            Delete(to);
            _names[i] = to;
        }

        private int Find(string name)
        {
            for (int i = 0; i < MaxFiles; i++)
            {
                if (_names[i] != null && _names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private int Create(string name)
        {
            for (int i = 0; i < MaxFiles; i++)
            {
                if (_names[i] == null)
                {
                    _names[i] = name;
                    _chunks[i] = new ArrayList();
                    _lengths[i] = 0;
                    return i;
                }
            }

            throw new IOException("no room for file " + name);
        }
    }
}
