namespace SensorNode.Core.Ota
{
    /// <summary>File names of the A/B slots in the node's <see cref="Ports.IFileStore"/> (docs/spec/ota-slots.md §1).</summary>
    public static class SlotFiles
    {
        /// <summary>No slot (persisted as 0xFF).</summary>
        public const int None = 0xFF;

        /// <summary>The slot state record.</summary>
        public const string State = "ota-state.bin";

        /// <summary>The download record (what is being downloaded into which slot).</summary>
        public const string Download = "ota-dl.bin";

        /// <summary>The image file of slot 0 (A) or 1 (B).</summary>
        public static string Image(int slot)
        {
            return slot == 0 ? "ota-a.img" : "ota-b.img";
        }

        /// <summary>The partial download of slot 0 (A) or 1 (B).</summary>
        public static string Part(int slot)
        {
            return slot == 0 ? "ota-a.part" : "ota-b.part";
        }

        /// <summary>"A" or "B".</summary>
        public static string Letter(int slot)
        {
            return slot == 0 ? "A" : slot == 1 ? "B" : "-";
        }
    }
}
