using SensorNode.Core.Bytes;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The header of an OTA image (docs/spec/ota-image.md §1–§2): parsed by <see cref="Parse"/>, which
    /// never throws and returns the first failing status of §5 steps 1–4, and written by
    /// <see cref="Encode"/> for the host signing tool.
    /// </summary>
    public sealed class ImageHeader
    {
        /// <summary>Firmware-compatibility entries (the first <see cref="CompatCount"/> are used).</summary>
        public readonly FirmwareAssembly[] Compat = new FirmwareAssembly[ImageFormat.MaxCompatEntries];

        /// <summary>SHA-256 of the payload.</summary>
        public readonly byte[] PayloadSha256 = new byte[Sha256.HashLength];

        /// <summary>Header size = payload offset, in bytes.</summary>
        public int HeaderSize;

        /// <summary>Application version, major.</summary>
        public int VersionMajor;

        /// <summary>Application version, minor.</summary>
        public int VersionMinor;

        /// <summary>Application version, patch.</summary>
        public int VersionPatch;

        /// <summary>Flags (0 in v1).</summary>
        public int Flags;

        /// <summary>Anti-rollback counter, 0..int.MaxValue.</summary>
        public int SecurityCounter;

        /// <summary>Payload length in bytes.</summary>
        public int PayloadLength;

        /// <summary>Target board profile.</summary>
        public string Board = string.Empty;

        /// <summary>Number of used <see cref="Compat"/> entries.</summary>
        public int CompatCount;

        /// <summary>Bytes covered by the signature: header + payload.</summary>
        public int SignedLength
        {
            get { return HeaderSize + PayloadLength; }
        }

        /// <summary>Whole file length: signed range + signature.</summary>
        public int ImageLength
        {
            get { return SignedLength + ImageFormat.SignatureLength; }
        }

        /// <summary>"major.minor.patch".</summary>
        public string VersionText
        {
            get { return VersionMajor + "." + VersionMinor + "." + VersionPatch; }
        }

        /// <summary>
        /// Parses the header from <paramref name="count"/> bytes at <paramref name="offset"/> (the start of the
        /// file; pass at least <see cref="ImageFormat.MaxHeaderLength"/> bytes when available). Checks §5 steps 1–4.
        /// </summary>
        public ImageStatus Parse(byte[] b, int offset, int count)
        {
            if (count < ImageFormat.FixedHeaderLength)
            {
                return ImageStatus.Truncated;
            }

            for (int i = 0; i < 4; i++)
            {
                if (b[offset + i] != ImageFormat.Magic[i])
                {
                    return ImageStatus.BadMagic;
                }
            }

            if (LittleEndian.ReadUInt16(b, offset + ImageFormat.OffFormatVersion) != ImageFormat.FormatVersion)
            {
                return ImageStatus.UnsupportedFormatVersion;
            }

            HeaderSize = LittleEndian.ReadUInt16(b, offset + ImageFormat.OffHeaderSize);
            VersionMajor = LittleEndian.ReadUInt16(b, offset + ImageFormat.OffVersion);
            VersionMinor = LittleEndian.ReadUInt16(b, offset + ImageFormat.OffVersion + 2);
            VersionPatch = LittleEndian.ReadUInt16(b, offset + ImageFormat.OffVersion + 4);
            Flags = LittleEndian.ReadUInt16(b, offset + ImageFormat.OffFlags);
            uint counter = LittleEndian.ReadUInt32(b, offset + ImageFormat.OffSecurityCounter);
            uint payload = LittleEndian.ReadUInt32(b, offset + ImageFormat.OffPayloadLength);
            CompatCount = LittleEndian.ReadUInt16(b, offset + ImageFormat.OffCompatCount);
            if (CompatCount > ImageFormat.MaxCompatEntries
                || HeaderSize != ImageFormat.FixedHeaderLength + ImageFormat.CompatEntryLength * CompatCount
                || Flags != 0 || counter > ImageFormat.MaxSecurityCounter
                || payload < ImageFormat.MinPayloadLength || payload > ImageFormat.MaxPayloadLength
                || !AllZero(b, offset + ImageFormat.OffReserved, 6))
            {
                return ImageStatus.HeaderFieldOutOfRange;
            }

            SecurityCounter = (int)counter;
            PayloadLength = (int)payload;
            int boardLength = AsciiField.Validate(b, offset + ImageFormat.OffBoard, ImageFormat.NameLength, AsciiField.Board);
            if (boardLength < 0)
            {
                return ImageStatus.HeaderFieldOutOfRange;
            }

            if (count < HeaderSize)
            {
                return ImageStatus.Truncated;
            }

            for (int i = 0; i < CompatCount; i++)
            {
                int e = offset + ImageFormat.FixedHeaderLength + ImageFormat.CompatEntryLength * i;
                int nameLength = AsciiField.Validate(b, e, ImageFormat.NameLength, AsciiField.Name);
                if (nameLength < 0 || !AllZero(b, e + 44, 4))
                {
                    return ImageStatus.HeaderFieldOutOfRange;
                }

                Compat[i] = new FirmwareAssembly(
                    AsciiField.Read(b, e, nameLength),
                    LittleEndian.ReadUInt16(b, e + 32),
                    LittleEndian.ReadUInt16(b, e + 34),
                    LittleEndian.ReadUInt16(b, e + 36),
                    LittleEndian.ReadUInt16(b, e + 38),
                    LittleEndian.ReadUInt32(b, e + 40));
            }

            for (int i = 0; i < Sha256.HashLength; i++)
            {
                PayloadSha256[i] = b[offset + ImageFormat.OffPayloadSha256 + i];
            }

            Board = AsciiField.Read(b, offset + ImageFormat.OffBoard, boardLength);
            return ImageStatus.Ok;
        }

        /// <summary>
        /// Writes this header (<see cref="HeaderSize"/> is computed from <see cref="CompatCount"/>) at
        /// <paramref name="offset"/>; returns the bytes written, or -1 when a field is out of range.
        /// </summary>
        public int Encode(byte[] b, int offset)
        {
            if (CompatCount < 0 || CompatCount > ImageFormat.MaxCompatEntries || SecurityCounter < 0
                || PayloadLength < ImageFormat.MinPayloadLength || PayloadLength > ImageFormat.MaxPayloadLength
                || !InU16(VersionMajor) || !InU16(VersionMinor) || !InU16(VersionPatch))
            {
                return -1;
            }

            HeaderSize = ImageFormat.FixedHeaderLength + ImageFormat.CompatEntryLength * CompatCount;
            if (offset + HeaderSize > b.Length)
            {
                return -1;
            }

            for (int i = 0; i < HeaderSize; i++)
            {
                b[offset + i] = 0;
            }

            for (int i = 0; i < 4; i++)
            {
                b[offset + i] = ImageFormat.Magic[i];
            }

            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffFormatVersion, ImageFormat.FormatVersion);
            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffHeaderSize, HeaderSize);
            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffVersion, VersionMajor);
            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffVersion + 2, VersionMinor);
            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffVersion + 4, VersionPatch);
            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffFlags, Flags);
            LittleEndian.WriteUInt32(b, offset + ImageFormat.OffSecurityCounter, (uint)SecurityCounter);
            LittleEndian.WriteUInt32(b, offset + ImageFormat.OffPayloadLength, (uint)PayloadLength);
            for (int i = 0; i < Sha256.HashLength; i++)
            {
                b[offset + ImageFormat.OffPayloadSha256 + i] = PayloadSha256[i];
            }

            if (!AsciiField.Write(Board, b, offset + ImageFormat.OffBoard, ImageFormat.NameLength, AsciiField.Board))
            {
                return -1;
            }

            LittleEndian.WriteUInt16(b, offset + ImageFormat.OffCompatCount, CompatCount);
            for (int i = 0; i < CompatCount; i++)
            {
                FirmwareAssembly a = Compat[i];
                int e = offset + ImageFormat.FixedHeaderLength + ImageFormat.CompatEntryLength * i;
                if (a == null || !InU16(a.Major) || !InU16(a.Minor) || !InU16(a.Build) || !InU16(a.Revision)
                    || !AsciiField.Write(a.Name, b, e, ImageFormat.NameLength, AsciiField.Name))
                {
                    return -1;
                }

                LittleEndian.WriteUInt16(b, e + 32, a.Major);
                LittleEndian.WriteUInt16(b, e + 34, a.Minor);
                LittleEndian.WriteUInt16(b, e + 36, a.Build);
                LittleEndian.WriteUInt16(b, e + 38, a.Revision);
                LittleEndian.WriteUInt32(b, e + 40, a.NativeChecksum);
            }

            return HeaderSize;
        }

        private static bool InU16(int v)
        {
            return v >= 0 && v <= 0xFFFF;
        }

        private static bool AllZero(byte[] b, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (b[offset + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
