using SensorNode.Core.Bytes;
using SensorNode.Core.Checksums;
namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The persisted A/B slot state (docs/spec/ota-slots.md §2): a 48-byte little-endian record with a
    /// CRC-32, written only with the store's atomic Replace. <see cref="Decode"/> never throws.
    /// </summary>
    public sealed class SlotState
    {
        /// <summary>Encoded length in bytes.</summary>
        public const int Length = 48;

        private static readonly byte[] Magic = { 0x53, 0x4E, 0x4F, 0x53 };

        /// <summary>Incremented by every save.</summary>
        public uint Sequence;

        /// <summary>Slot of the confirmed image (0, 1) or <see cref="SlotFiles.None"/>.</summary>
        public int ConfirmedSlot = SlotFiles.None;

        /// <summary>Slot of the image on trial, or <see cref="SlotFiles.None"/>.</summary>
        public int TrialSlot = SlotFiles.None;

        /// <summary>Trial boots started so far.</summary>
        public int TrialBoots;

        /// <summary>Trial boots allowed before the automatic revert (1..16).</summary>
        public int MaxTrialBoots = 3;

        /// <summary>Anti-rollback floor: images with a lower security counter are refused.</summary>
        public int SecurityFloor;

        /// <summary>Security counter of the trial image.</summary>
        public int TrialSecurityCounter;

        /// <summary>Version of the trial image (major, minor, patch).</summary>
        public int TrialMajor, TrialMinor, TrialPatch;

        /// <summary>Rollback not yet reported, or None.</summary>
        public RollbackReason Rollback;

        /// <summary>Image status behind a <see cref="RollbackReason.TrialImageInvalid"/> rollback.</summary>
        public ImageStatus RollbackStatus;

        /// <summary>Version of the image that was rolled back (major, minor, patch).</summary>
        public int RollbackMajor, RollbackMinor, RollbackPatch;

        /// <summary>True while an image is on trial.</summary>
        public bool TrialPending
        {
            get { return TrialSlot != SlotFiles.None; }
        }

        /// <summary>Writes the record into <paramref name="b"/> at 0 (48 bytes).</summary>
        public void Encode(byte[] b)
        {
            for (int i = 0; i < Length; i++)
            {
                b[i] = 0;
            }

            for (int i = 0; i < 4; i++)
            {
                b[i] = Magic[i];
            }

            LittleEndian.WriteUInt16(b, 4, 1);
            LittleEndian.WriteUInt32(b, 8, Sequence);
            b[12] = (byte)ConfirmedSlot;
            b[13] = (byte)TrialSlot;
            b[14] = (byte)TrialBoots;
            b[15] = (byte)MaxTrialBoots;
            LittleEndian.WriteUInt32(b, 16, (uint)SecurityFloor);
            b[20] = (byte)Rollback;
            b[21] = (byte)RollbackStatus;
            LittleEndian.WriteUInt16(b, 24, RollbackMajor);
            LittleEndian.WriteUInt16(b, 26, RollbackMinor);
            LittleEndian.WriteUInt16(b, 28, RollbackPatch);
            LittleEndian.WriteUInt32(b, 32, (uint)TrialSecurityCounter);
            LittleEndian.WriteUInt16(b, 36, TrialMajor);
            LittleEndian.WriteUInt16(b, 38, TrialMinor);
            LittleEndian.WriteUInt16(b, 40, TrialPatch);
            LittleEndian.WriteUInt32(b, 44, Crc32.Compute(b, 0, 44));
        }

        /// <summary>Reads a record; false when the length, magic, version, CRC or a field is wrong.</summary>
        public bool Decode(byte[] b, int count)
        {
            if (count != Length || b[0] != Magic[0] || b[1] != Magic[1] || b[2] != Magic[2] || b[3] != Magic[3]
                || LittleEndian.ReadUInt16(b, 4) != 1 || LittleEndian.ReadUInt32(b, 44) != Crc32.Compute(b, 0, 44))
            {
                return false;
            }

            uint floor = LittleEndian.ReadUInt32(b, 16);
            uint trialCounter = LittleEndian.ReadUInt32(b, 32);
            if (!IsSlot(b[12]) || !IsSlot(b[13]) || (b[12] == b[13] && b[12] != SlotFiles.None) || b[15] < 1 || b[15] > 16
                || b[20] > (int)RollbackReason.TrialImageInvalid || floor > int.MaxValue || trialCounter > int.MaxValue)
            {
                return false;
            }

            Sequence = LittleEndian.ReadUInt32(b, 8);
            ConfirmedSlot = b[12];
            TrialSlot = b[13];
            TrialBoots = b[14];
            MaxTrialBoots = b[15];
            SecurityFloor = (int)floor;
            Rollback = (RollbackReason)b[20];
            RollbackStatus = (ImageStatus)b[21];
            RollbackMajor = LittleEndian.ReadUInt16(b, 24);
            RollbackMinor = LittleEndian.ReadUInt16(b, 26);
            RollbackPatch = LittleEndian.ReadUInt16(b, 28);
            TrialSecurityCounter = (int)trialCounter;
            TrialMajor = LittleEndian.ReadUInt16(b, 36);
            TrialMinor = LittleEndian.ReadUInt16(b, 38);
            TrialPatch = LittleEndian.ReadUInt16(b, 40);
            return true;
        }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(SlotState other)
        {
            Sequence = other.Sequence;
            ConfirmedSlot = other.ConfirmedSlot;
            TrialSlot = other.TrialSlot;
            TrialBoots = other.TrialBoots;
            MaxTrialBoots = other.MaxTrialBoots;
            SecurityFloor = other.SecurityFloor;
            TrialSecurityCounter = other.TrialSecurityCounter;
            TrialMajor = other.TrialMajor;
            TrialMinor = other.TrialMinor;
            TrialPatch = other.TrialPatch;
            Rollback = other.Rollback;
            RollbackStatus = other.RollbackStatus;
            RollbackMajor = other.RollbackMajor;
            RollbackMinor = other.RollbackMinor;
            RollbackPatch = other.RollbackPatch;
        }

        private static bool IsSlot(byte v)
        {
            return v == 0 || v == 1 || v == SlotFiles.None;
        }
    }
}
