using SensorNode.Core.Bytes;
using SensorNode.Core.Checksums;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The last order refused for what its image is (docs/spec/ota-slots.md §5.1, file `ota-refused.bin`): the
    /// same order again (a retained command at every wake) is refused with the same reason without downloading
    /// anything. Layout: the order as a download record (§5), then the reason code (u8: an
    /// <see cref="ImageStatus"/> value, or <see cref="CommandMismatch"/>), then the CRC-32 of all before it.
    /// </summary>
    public sealed class RefusedOrder
    {
        /// <summary>File name in the node's store.</summary>
        public const string FileName = "ota-refused.bin";

        /// <summary>Reason code of "command_mismatch" (the image is not the ordered version/hash).</summary>
        public const int CommandMismatch = 100;

        /// <summary>Longest record, in bytes.</summary>
        public const int MaxLength = OtaCommand.MaxRecordLength + 5;

        private readonly IFileStore _store;
        private readonly byte[] _buffer = new byte[MaxLength];

        /// <summary>Keeps the record in <paramref name="store"/>.</summary>
        public RefusedOrder(IFileStore store)
        {
            _store = store;
        }

        /// <summary>
        /// The reason code of a refusal reason that the same image would always get again (the
        /// <see cref="ImageStatus"/> texts but ok and read_failed, and command_mismatch), else -1:
        /// not_found, trial_pending and no_slot_state depend on the moment, not on the image.
        /// </summary>
        public static int CodeOf(string reason)
        {
            if (reason == "command_mismatch")
            {
                return CommandMismatch;
            }

            for (int s = (int)ImageStatus.Truncated; s < (int)ImageStatus.ReadFailed; s++)
            {
                if (ImageStatusText.Of((ImageStatus)s) == reason)
                {
                    return s;
                }
            }

            return -1;
        }

        /// <summary>The reason text of a code.</summary>
        public static string TextOf(int code)
        {
            return code == CommandMismatch ? "command_mismatch" : ImageStatusText.Of((ImageStatus)code);
        }

        /// <summary>Encodes <paramref name="order"/> refused with <paramref name="code"/> into <paramref name="b"/>; returns the length.</summary>
        public static int Encode(OtaCommand order, int code, byte[] b)
        {
            int n = order.Encode(b);
            b[n] = (byte)code;
            LittleEndian.WriteUInt32(b, n + 1, Crc32.Compute(b, 0, n + 1));
            return n + 5;
        }

        /// <summary>Remembers <paramref name="order"/> as refused for <paramref name="reason"/> when that reason is about the image.</summary>
        public void Remember(OtaCommand order, string reason)
        {
            int code = CodeOf(reason);
            if (code < 0)
            {
                return;
            }

            int n = Encode(order, code, _buffer);
            _store.Replace(FileName, _buffer, 0, n);
        }

        /// <summary>True when <paramref name="order"/> is the remembered one (same url, version and sha256); <paramref name="reason"/> is then its reason.</summary>
        public bool Matches(OtaCommand order, out string reason)
        {
            reason = null;
            int n = _store.Read(FileName, 0, _buffer, 0, _buffer.Length);
            if (n < 6 || n > MaxLength || _store.Length(FileName) != n || LittleEndian.ReadUInt32(_buffer, n - 4) != Crc32.Compute(_buffer, 0, n - 4))
            {
                return false;
            }

            int code = _buffer[n - 5];
            OtaCommand refused = OtaCommand.Decode(_buffer, n - 5);
            if (refused == null || CodeOf(TextOf(code)) != code || !refused.SameOrder(order))
            {
                return false;
            }

            reason = TextOf(code);
            return true;
        }
    }
}
