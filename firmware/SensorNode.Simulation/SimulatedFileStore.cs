using System;
using System.Collections;
using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// In-memory <see cref="IFileStore"/> that can lose power during its N-th mutating operation, as
    /// MCUboot's simulator does for flash. The cut operation follows the port's durability contract:
    /// Replace, Delete and Rename either happen or not (they do not); an Append keeps a prefix of its
    /// bytes (half of them, rounded down), which models a torn write. After the cut every call throws
    /// <see cref="PowerCutException"/> until <see cref="PowerOn"/>, which "reboots" with the contents.
    /// Also counts operations and bytes written, for wear figures.
    /// </summary>
    public sealed class SimulatedFileStore : IFileStore
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();
        private int _cutAt = -1;
        private bool _off;

        /// <summary>Mutating operations performed so far (the index the next one will have).</summary>
        public int WriteCount { get; private set; }

        /// <summary>Bytes written by Append and Replace so far.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>True after the power was cut and before <see cref="PowerOn"/>.</summary>
        public bool IsOff
        {
            get { return _off; }
        }

        /// <summary>Cuts the power during the mutating operation with this zero-based index; -1 disables.</summary>
        public void CutPowerAt(int writeIndex)
        {
            _cutAt = writeIndex;
        }

        /// <summary>Restores power (a reboot): contents are kept, the cut is disarmed.</summary>
        public void PowerOn()
        {
            _off = false;
            _cutAt = -1;
        }

        /// <summary>Resets the counters without touching the contents.</summary>
        public void ResetCounters()
        {
            WriteCount = 0;
            BytesWritten = 0;
        }

        /// <summary>Overwrites one byte in a file, for corruption tests (not counted as a write).</summary>
        public void Corrupt(string name, int position, byte xorMask)
        {
            byte[] data = Find(name);
            if (data == null || position >= data.Length)
            {
                throw new IOException("cannot corrupt " + name);
            }

            data[position] ^= xorMask;
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            CheckPower();
            byte[] data = Find(name);
            return data == null ? -1 : data.Length;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            CheckPower();
            byte[] data = Find(name);
            if (data == null || position >= data.Length)
            {
                return 0;
            }

            int n = data.Length - position < count ? data.Length - position : count;
            Array.Copy(data, position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public void Append(string name, byte[] buffer, int offset, int count)
        {
            bool cut = BeginWrite();
            int kept = cut ? count / 2 : count;
            byte[] old = Find(name);
            int oldLength = old == null ? 0 : old.Length;
            byte[] next = new byte[oldLength + kept];
            if (old != null)
            {
                Array.Copy(old, next, oldLength);
            }

            Array.Copy(buffer, offset, next, oldLength, kept);
            Store(name, next);
            BytesWritten += kept;
            EndWrite(cut);
        }

        /// <inheritdoc />
        public void Replace(string name, byte[] buffer, int offset, int count)
        {
            bool cut = BeginWrite();
            if (!cut)
            {
                byte[] next = new byte[count];
                Array.Copy(buffer, offset, next, 0, count);
                Store(name, next);
                BytesWritten += count;
            }

            EndWrite(cut);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            bool cut = BeginWrite();
            if (!cut)
            {
                Remove(name);
            }

            EndWrite(cut);
        }

        /// <inheritdoc />
        public void Rename(string from, string to)
        {
            bool cut = BeginWrite();
            if (!cut)
            {
                byte[] data = Find(from);
                if (data == null)
                {
                    throw new IOException("rename: no file " + from);
                }

                Remove(from);
                Store(to, data);
            }

            EndWrite(cut);
        }

        private bool BeginWrite()
        {
            CheckPower();
            return WriteCount == _cutAt;
        }

        private void EndWrite(bool cut)
        {
            int index = WriteCount;
            WriteCount++;
            if (cut)
            {
                _off = true;
                throw new PowerCutException(index);
            }
        }

        private void CheckPower()
        {
            if (_off)
            {
                throw new PowerCutException(WriteCount);
            }
        }

        private byte[] Find(string name)
        {
            int i = IndexOf(name);
            return i < 0 ? null : (byte[])_contents[i];
        }

        private void Store(string name, byte[] data)
        {
            int i = IndexOf(name);
            if (i < 0)
            {
                _names.Add(name);
                _contents.Add(data);
            }
            else
            {
                _contents[i] = data;
            }
        }

        private void Remove(string name)
        {
            int i = IndexOf(name);
            if (i >= 0)
            {
                _names.RemoveAt(i);
                _contents.RemoveAt(i);
            }
        }

        private int IndexOf(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
