namespace SensorNode.Core.Ota
{
    /// <summary>What a node accepts (docs/spec/ota-image.md §5 steps 9–11): its board, its firmware's native assemblies, its anti-rollback floor.</summary>
    public sealed class ImagePolicy
    {
        /// <summary>Creates a policy.</summary>
        public ImagePolicy(string board, FirmwareAssembly[] firmware, int securityFloor)
        {
            Board = board;
            Firmware = firmware;
            SecurityFloor = securityFloor;
        }

        /// <summary>This node's board profile.</summary>
        public string Board { get; private set; }

        /// <summary>The native assemblies of this node's firmware.</summary>
        public FirmwareAssembly[] Firmware { get; private set; }

        /// <summary>Lowest security counter accepted.</summary>
        public int SecurityFloor { get; set; }

        /// <summary>Checks the header's board, compatibility and counter (steps 9–11).</summary>
        public ImageStatus Check(ImageHeader header)
        {
            ImageStatus status = CheckCompatibility(header);
            if (status != ImageStatus.Ok)
            {
                return status;
            }

            return header.SecurityCounter < SecurityFloor ? ImageStatus.Downgrade : ImageStatus.Ok;
        }

        /// <summary>Checks the header's board and firmware compatibility (steps 9–10): what the loader re-checks at every boot.</summary>
        public ImageStatus CheckCompatibility(ImageHeader header)
        {
            if (header.Board != Board)
            {
                return ImageStatus.WrongBoard;
            }

            for (int i = 0; i < header.CompatCount; i++)
            {
                bool found = false;
                for (int j = 0; j < Firmware.Length && !found; j++)
                {
                    found = header.Compat[i].IsSatisfiedBy(Firmware[j]);
                }

                if (!found)
                {
                    return ImageStatus.IncompatibleFirmware;
                }
            }

            return ImageStatus.Ok;
        }
    }
}
