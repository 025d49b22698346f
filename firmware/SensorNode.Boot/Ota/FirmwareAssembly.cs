namespace SensorNode.Core.Ota
{
    /// <summary>
    /// A native assembly of the firmware (name, version, native checksum): an entry of an image's
    /// firmware-compatibility table, or of the node's own table (docs/spec/ota-image.md §2).
    /// </summary>
    public sealed class FirmwareAssembly
    {
        /// <summary>Creates an entry; <paramref name="nativeChecksum"/> 0 means "not checked".</summary>
        public FirmwareAssembly(string name, int major, int minor, int build, int revision, uint nativeChecksum)
        {
            Name = name;
            Major = major;
            Minor = minor;
            Build = build;
            Revision = revision;
            NativeChecksum = nativeChecksum;
        }

        /// <summary>Assembly name, e.g. "mscorlib".</summary>
        public string Name { get; private set; }

        /// <summary>Version major.</summary>
        public int Major { get; private set; }

        /// <summary>Version minor.</summary>
        public int Minor { get; private set; }

        /// <summary>Version build.</summary>
        public int Build { get; private set; }

        /// <summary>Version revision.</summary>
        public int Revision { get; private set; }

        /// <summary>Native checksum; 0 in an image entry = any.</summary>
        public uint NativeChecksum { get; private set; }

        /// <summary>True when this (an image's requirement) is met by the firmware's <paramref name="present"/>.</summary>
        public bool IsSatisfiedBy(FirmwareAssembly present)
        {
            return Name == present.Name && Major == present.Major && Minor == present.Minor && Build == present.Build
                && Revision == present.Revision && (NativeChecksum == 0 || NativeChecksum == present.NativeChecksum);
        }

        /// <summary>"name major.minor.build.revision[ checksum 0x...]".</summary>
        public override string ToString()
        {
            string text = Name + " " + Major + "." + Minor + "." + Build + "." + Revision;
            return NativeChecksum == 0 ? text : text + " checksum 0x" + NativeChecksum.ToString("X8");
        }
    }
}
