using SensorNode.Core.Bytes;
using SensorNode.Core.Checksums;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The store name of the provisioned OTA public key, read by the loader straight from the committed
    /// configuration (docs/spec/config-blob.md §4.3): record 43 of config.bin, else of config.bak, from the first
    /// blob whose header, CRC and records are sound and whose key file has the recorded length and CRC-32. The
    /// loader holds no configuration model, so an application update may add configuration fields freely.
    /// Never throws on bad data; allocates only the returned name.
    /// </summary>
    public sealed class ProvisionedKeyFile
    {
        /// <summary>The current configuration blob (config-blob.md §4).</summary>
        public const string CurrentName = "config.bin";

        /// <summary>The previous configuration blob.</summary>
        public const string BackupName = "config.bak";

        /// <summary>Record id of the OTA public key file (config-blob.md §3). Persisted: never renumber.</summary>
        public const int KeyRecordId = 43;

        /// <summary>Largest blob, bytes (config-blob.md §2).</summary>
        public const int MaxBlobBytes = 2048;

        private const int HeaderBytes = 12;
        private const int FileRecordFixedBytes = 8;
        private readonly IFileStore _store;
        private readonly byte[] _blob = new byte[MaxBlobBytes];

        /// <summary>Reads from <paramref name="store"/>; allocates its 2 KB buffer once.</summary>
        public ProvisionedKeyFile(IFileStore store)
        {
            _store = store;
        }

        /// <summary>The key's store name, or the empty string when no sound blob names one.</summary>
        public string Find()
        {
            string name = FromBlob(CurrentName);
            if (name == null)
            {
                name = FromBlob(BackupName);
            }

            return name == null ? string.Empty : name;
        }

        // null: this blob is unusable (try the next); "": sound, and no key is provisioned.
        private string FromBlob(string blobName)
        {
            int length = _store.Length(blobName);
            if (length < HeaderBytes + 4 || length > MaxBlobBytes || _store.Read(blobName, 0, _blob, 0, length) != length)
            {
                return null;
            }

            if (_blob[0] != 'S' || _blob[1] != 'N' || _blob[2] != 'C' || _blob[3] != 'F' || _blob[4] != 1)
            {
                return null;
            }

            int end = HeaderBytes + LittleEndian.ReadUInt16(_blob, 6);
            if (end + 4 != length || Crc32.Compute(_blob, 0, end) != LittleEndian.ReadUInt32(_blob, end))
            {
                return null;
            }

            string name = string.Empty;
            int keyLength = 0;
            uint keyCrc = 0;
            int at = HeaderBytes;
            while (at < end)
            {
                if (at + 2 > end || at + 2 + _blob[at + 1] > end)
                {
                    return null;
                }

                int id = _blob[at];
                int recordLength = _blob[at + 1];
                int value = at + 2;
                at = value + recordLength;
                if (id == KeyRecordId)
                {
                    name = AsciiName(value + FileRecordFixedBytes, recordLength - FileRecordFixedBytes);
                    if (name == null)
                    {
                        return null;
                    }

                    keyLength = (int)LittleEndian.ReadUInt32(_blob, value);
                    keyCrc = LittleEndian.ReadUInt32(_blob, value + 4);
                }
            }

            return name.Length == 0 || FileMatches(name, keyLength, keyCrc) ? name : null;
        }

        // Store names are ASCII (FileSet's generation names); anything else is not a name this firmware wrote.
        private string AsciiName(int offset, int count)
        {
            if (count <= 0)
            {
                return null;
            }

            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = _blob[offset + i];
                if (b < 0x21 || b > 0x7E || b == '/' || b == '\\')
                {
                    return null;
                }

                chars[i] = (char)b;
            }

            return new string(chars);
        }

        private bool FileMatches(string name, int expectedLength, uint expectedCrc)
        {
            int length = _store.Length(name);
            if (length != expectedLength)
            {
                return false;
            }

            uint crc = Crc32.Start;
            int position = 0;
            while (position < length)
            {
                int n = _store.Read(name, position, _blob, 0, _blob.Length);
                if (n <= 0)
                {
                    return false;
                }

                crc = Crc32.Update(crc, _blob, 0, n);
                position += n;
            }

            return Crc32.Finish(crc) == expectedCrc;
        }
    }
}
