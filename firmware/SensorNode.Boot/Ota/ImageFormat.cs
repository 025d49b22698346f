namespace SensorNode.Core.Ota
{
    /// <summary>Constants of OTA image format v1 (docs/spec/ota-image.md). Persisted: never change for v1.</summary>
    public static class ImageFormat
    {
        /// <summary>"SNOI" as the first four bytes.</summary>
        public static readonly byte[] Magic = { 0x53, 0x4E, 0x4F, 0x49 };

        /// <summary>"SNPM": the payload manifest's first four bytes.</summary>
        public static readonly byte[] ManifestMagic = { 0x53, 0x4E, 0x50, 0x4D };

        /// <summary>The only format version this code reads and writes.</summary>
        public const int FormatVersion = 1;

        /// <summary>Size of the fixed header part (§1).</summary>
        public const int FixedHeaderLength = 96;

        /// <summary>Size of one firmware-compatibility entry (§2).</summary>
        public const int CompatEntryLength = 48;

        /// <summary>Most compatibility entries in one image.</summary>
        public const int MaxCompatEntries = 16;

        /// <summary>Largest header, in bytes.</summary>
        public const int MaxHeaderLength = FixedHeaderLength + CompatEntryLength * MaxCompatEntries;

        /// <summary>Size of text fields (board, names), including the NUL padding.</summary>
        public const int NameLength = 32;

        /// <summary>Size of the manifest's entry_type field.</summary>
        public const int EntryTypeLength = 64;

        /// <summary>Size of the manifest's fixed part (§3).</summary>
        public const int ManifestFixedLength = 72;

        /// <summary>Size of one manifest file entry.</summary>
        public const int FileEntryLength = 36;

        /// <summary>Most files in one payload.</summary>
        public const int MaxFiles = 16;

        /// <summary>Smallest payload: manifest with one 1-byte file.</summary>
        public const int MinPayloadLength = ManifestFixedLength + FileEntryLength + 1;

        /// <summary>Largest payload, in bytes (1 MiB).</summary>
        public const int MaxPayloadLength = 1048576;

        /// <summary>Signature length: RSA-3072.</summary>
        public const int SignatureLength = 384;

        /// <summary>Highest security counter.</summary>
        public const int MaxSecurityCounter = int.MaxValue;

        // Field offsets in the fixed header (§1).
        internal const int OffFormatVersion = 4;
        internal const int OffHeaderSize = 6;
        internal const int OffVersion = 8;
        internal const int OffFlags = 14;
        internal const int OffSecurityCounter = 16;
        internal const int OffPayloadLength = 20;
        internal const int OffPayloadSha256 = 24;
        internal const int OffBoard = 56;
        internal const int OffCompatCount = 88;
        internal const int OffReserved = 90;
    }
}
