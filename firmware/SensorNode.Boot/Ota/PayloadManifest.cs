using SensorNode.Core.Bytes;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The payload container's manifest (docs/spec/ota-image.md §3): which .pe files the payload holds,
    /// where, and which type's Main the loader calls. <see cref="Parse"/> never throws.
    /// </summary>
    public sealed class PayloadManifest
    {
        /// <summary>File names (the first <see cref="FileCount"/> are used).</summary>
        public readonly string[] FileNames = new string[ImageFormat.MaxFiles];

        /// <summary>File lengths in bytes.</summary>
        public readonly int[] FileLengths = new int[ImageFormat.MaxFiles];

        /// <summary>File offsets from the start of the payload.</summary>
        public readonly int[] FileOffsets = new int[ImageFormat.MaxFiles];

        /// <summary>Number of files, 1..16.</summary>
        public int FileCount;

        /// <summary>Index of the file with the entry point.</summary>
        public int EntryIndex;

        /// <summary>Full name of the type whose static Main() the loader calls.</summary>
        public string EntryType = string.Empty;

        /// <summary>Bytes the manifest occupies at the start of the payload.</summary>
        public int Length
        {
            get { return ImageFormat.ManifestFixedLength + ImageFormat.FileEntryLength * FileCount; }
        }

        /// <summary>
        /// Parses the manifest from the first bytes of a payload of <paramref name="payloadLength"/> bytes;
        /// <paramref name="count"/> must cover the manifest (at most 648 bytes). Returns Ok or ManifestInvalid.
        /// </summary>
        public ImageStatus Parse(byte[] b, int offset, int count, int payloadLength)
        {
            if (count < ImageFormat.ManifestFixedLength)
            {
                return ImageStatus.ManifestInvalid;
            }

            for (int i = 0; i < 4; i++)
            {
                if (b[offset + i] != ImageFormat.ManifestMagic[i])
                {
                    return ImageStatus.ManifestInvalid;
                }
            }

            FileCount = LittleEndian.ReadUInt16(b, offset + 4);
            EntryIndex = LittleEndian.ReadUInt16(b, offset + 6);
            if (FileCount < 1 || FileCount > ImageFormat.MaxFiles || EntryIndex >= FileCount || count < Length)
            {
                return ImageStatus.ManifestInvalid;
            }

            int typeLength = AsciiField.Validate(b, offset + 8, ImageFormat.EntryTypeLength, AsciiField.TypeName);
            if (typeLength < 0)
            {
                return ImageStatus.ManifestInvalid;
            }

            long position = Length;
            for (int i = 0; i < FileCount; i++)
            {
                int e = offset + ImageFormat.ManifestFixedLength + ImageFormat.FileEntryLength * i;
                int nameLength = AsciiField.Validate(b, e, ImageFormat.NameLength, AsciiField.Name);
                uint length = LittleEndian.ReadUInt32(b, e + ImageFormat.NameLength);
                if (nameLength < 4 || !EndsWithPe(b, e, nameLength) || length == 0 || length > ImageFormat.MaxPayloadLength)
                {
                    return ImageStatus.ManifestInvalid;
                }

                for (int j = 0; j < i; j++)
                {
                    if (AsciiField.Equals(b, e, ImageFormat.NameLength, FileNames[j]))
                    {
                        return ImageStatus.ManifestInvalid;
                    }
                }

                FileNames[i] = AsciiField.Read(b, e, nameLength);
                FileLengths[i] = (int)length;
                FileOffsets[i] = (int)position;
                position += length;
            }

            if (position != payloadLength)
            {
                return ImageStatus.ManifestInvalid;
            }

            EntryType = AsciiField.Read(b, offset + 8, typeLength);
            return ImageStatus.Ok;
        }

        /// <summary>Writes the manifest (files as set in the arrays) at <paramref name="offset"/>; returns its length or -1 when invalid.</summary>
        public int Encode(byte[] b, int offset)
        {
            if (FileCount < 1 || FileCount > ImageFormat.MaxFiles || EntryIndex < 0 || EntryIndex >= FileCount || offset + Length > b.Length)
            {
                return -1;
            }

            for (int i = 0; i < 4; i++)
            {
                b[offset + i] = ImageFormat.ManifestMagic[i];
            }

            LittleEndian.WriteUInt16(b, offset + 4, FileCount);
            LittleEndian.WriteUInt16(b, offset + 6, EntryIndex);
            if (!AsciiField.Write(EntryType, b, offset + 8, ImageFormat.EntryTypeLength, AsciiField.TypeName))
            {
                return -1;
            }

            for (int i = 0; i < FileCount; i++)
            {
                int e = offset + ImageFormat.ManifestFixedLength + ImageFormat.FileEntryLength * i;
                string name = FileNames[i];
                if (name == null || name.Length < 4 || name.Substring(name.Length - 3) != ".pe" || FileLengths[i] < 1
                    || !AsciiField.Write(name, b, e, ImageFormat.NameLength, AsciiField.Name))
                {
                    return -1;
                }

                LittleEndian.WriteUInt32(b, e + ImageFormat.NameLength, (uint)FileLengths[i]);
            }

            return Length;
        }

        private static bool EndsWithPe(byte[] b, int e, int length)
        {
            return b[e + length - 3] == '.' && b[e + length - 2] == 'p' && b[e + length - 1] == 'e';
        }
    }
}
