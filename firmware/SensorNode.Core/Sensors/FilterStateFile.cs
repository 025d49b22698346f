using SensorNode.Core.Bytes;
using SensorNode.Core.Checksums;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Keeps the signal chain's filters across deep sleep (docs/spec/signal-chain.md §8): each channel's last
    /// inputs (the longer window's content) in `filters.bin`, written with one atomic Replace after every
    /// sample and replayed into fresh filters at the next boot, which restores them exactly. Never throws on
    /// bad content: anything but <see cref="FilterStateStatus.Ok"/> leaves the filters empty, as on a fresh node.
    /// </summary>
    public sealed class FilterStateFile
    {
        /// <summary>File name in the node's store.</summary>
        public const string FileName = "filters.bin";

        /// <summary>Format version.</summary>
        public const int Version = 1;

        /// <summary>Header bytes before the first channel.</summary>
        public const int HeaderLength = 12;

        private static readonly byte[] Magic = { (byte)'S', (byte)'N', (byte)'F', (byte)'S' };

        private readonly IFileStore _store;
        private readonly int _averageWindow;
        private readonly int _zWindow;
        private readonly int _channels;
        private readonly byte[] _buffer;
        private readonly int[] _history;

        /// <summary>For filters of these windows (NodeConfig.AverageWindow, ZWindow) over <paramref name="channels"/> channels.</summary>
        public FilterStateFile(IFileStore store, int averageWindow, int zWindow, int channels)
        {
            _store = store;
            _averageWindow = averageWindow;
            _zWindow = zWindow;
            _channels = channels;
            int longest = averageWindow > zWindow ? averageWindow : zWindow;
            _buffer = new byte[MaxLength(longest, channels)];
            _history = new int[longest];
        }

        /// <summary>Longest file for a window of <paramref name="longestWindow"/> values.</summary>
        public static int MaxLength(int longestWindow, int channels)
        {
            return HeaderLength + channels * (2 + 4 * longestWindow) + 4;
        }

        /// <summary>Writes the filters' state.</summary>
        public void Save(ChannelFilter[] filters)
        {
            int n = Encode(filters, _averageWindow, _zWindow, _buffer);
            _store.Replace(FileName, _buffer, 0, n);
        }

        /// <summary>Encodes the state of <paramref name="filters"/> into <paramref name="b"/>; returns the length.</summary>
        public static int Encode(ChannelFilter[] filters, int averageWindow, int zWindow, byte[] b)
        {
            for (int i = 0; i < 4; i++)
            {
                b[i] = Magic[i];
            }

            b[4] = Version;
            b[5] = (byte)filters.Length;
            LittleEndian.WriteUInt16(b, 6, averageWindow);
            LittleEndian.WriteUInt16(b, 8, zWindow);
            LittleEndian.WriteUInt16(b, 10, 0);
            int at = HeaderLength;
            for (int c = 0; c < filters.Length; c++)
            {
                int count = filters[c].HistoryCount;
                LittleEndian.WriteUInt16(b, at, count);
                at += 2;
                for (int i = 0; i < count; i++)
                {
                    LittleEndian.WriteUInt32(b, at, (uint)filters[c].HistoryAt(i));
                    at += 4;
                }
            }

            LittleEndian.WriteUInt32(b, at, Crc32.Compute(b, 0, at));
            return at + 4;
        }

        /// <summary>Replays the saved state into <paramref name="filters"/> (built with this file's windows); the status says what was found.</summary>
        public FilterStateStatus Restore(ChannelFilter[] filters)
        {
            int length = _store.Length(FileName);
            if (length <= 0)
            {
                return FilterStateStatus.Missing;
            }

            if (length < HeaderLength + 4 || length > _buffer.Length)
            {
                return FilterStateStatus.BadLength;
            }

            int n = _store.Read(FileName, 0, _buffer, 0, length);
            FilterStateStatus status = filters.Length == _channels ? Check(_buffer, n, _channels) : FilterStateStatus.WindowsChanged;
            if (status != FilterStateStatus.Ok)
            {
                return status;
            }

            int at = HeaderLength;
            for (int c = 0; c < filters.Length; c++)
            {
                int count = LittleEndian.ReadUInt16(_buffer, at);
                at += 2;
                for (int i = 0; i < count; i++)
                {
                    _history[i] = (int)LittleEndian.ReadUInt32(_buffer, at);
                    at += 4;
                }

                filters[c].Replay(_history, count);
            }

            return FilterStateStatus.Ok;
        }

        // Validation order of signal-chain.md §8.2; b[0, n) is the whole file.
        private FilterStateStatus Check(byte[] b, int n, int channels)
        {
            if (n < HeaderLength + 4)
            {
                return FilterStateStatus.BadLength;
            }

            if (b[0] != Magic[0] || b[1] != Magic[1] || b[2] != Magic[2] || b[3] != Magic[3])
            {
                return FilterStateStatus.BadMagic;
            }

            if (b[4] != Version)
            {
                return FilterStateStatus.UnsupportedVersion;
            }

            if (LittleEndian.ReadUInt32(b, n - 4) != Crc32.Compute(b, 0, n - 4))
            {
                return FilterStateStatus.BadCrc;
            }

            if (b[5] != channels || LittleEndian.ReadUInt16(b, 6) != _averageWindow || LittleEndian.ReadUInt16(b, 8) != _zWindow)
            {
                return FilterStateStatus.WindowsChanged;
            }

            int at = HeaderLength;
            for (int c = 0; c < channels; c++)
            {
                if (at + 2 > n - 4)
                {
                    return FilterStateStatus.BadLength;
                }

                int count = LittleEndian.ReadUInt16(b, at);
                if (count > _history.Length)
                {
                    return FilterStateStatus.BadCount;
                }

                at += 2 + 4 * count;
            }

            return at == n - 4 ? FilterStateStatus.Ok : FilterStateStatus.BadLength;
        }
    }
}
