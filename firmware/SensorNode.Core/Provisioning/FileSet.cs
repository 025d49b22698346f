namespace SensorNode.Core.Provisioning
{
    /// <summary>Lengths and CRC-32s of the four provisioned files, indexed by kind (field id - 40); names live in NodeConfig.</summary>
    public sealed class FileSet
    {
        /// <summary>Number of file kinds.</summary>
        public const int Count = 4;

        private static readonly string[] StagedNames = new string[] { "ca.stage", "cert.stage", "key.stage", "ota.stage" };

        /// <summary>File lengths, in bytes.</summary>
        public readonly int[] Lengths = new int[Count];

        /// <summary>File CRC-32s.</summary>
        public readonly uint[] Crcs = new uint[Count];

        /// <summary>Field id of a kind index.</summary>
        public static int FieldOf(int kind)
        {
            return ConfigFields.FirstFile + kind;
        }

        /// <summary>Base name of a kind index ("ca", "cert", "key", "ota").</summary>
        public static string BaseName(int kind)
        {
            switch (kind)
            {
                case 0: return "ca";
                case 1: return "cert";
                case 2: return "key";
                default: return "ota";
            }
        }

        /// <summary>Store name of a committed file of a config generation, e.g. "ca.7.pem".</summary>
        public static string CommittedName(int kind, int generation)
        {
            return BaseName(kind) + "." + generation + ".pem";
        }

        /// <summary>Store name of a staged (uploaded, not yet committed) file, e.g. "ca.stage"; the same string every call (no allocation per chunk).</summary>
        public static string StagedName(int kind)
        {
            return StagedNames[kind];
        }
    }
}
