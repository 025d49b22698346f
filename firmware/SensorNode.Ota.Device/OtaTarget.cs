using SensorNode.Core.Ota;

namespace SensorNode.Ota.Device
{
    /// <summary>
    /// What images this build accepts, shared by the loader (boot decision) and the application (the
    /// updater refuses an image the loader would not start): the board profile it is flashed on and the
    /// native assemblies of the firmware it runs on. Keep <see cref="Firmware"/> in step with the firmware
    /// image (names, versions and native checksums as the device reports them, e.g. `nanoff --devicedetails`);
    /// an image whose firmware-compatibility entries are not all listed here is refused (docs/spec/ota-image.md §5 step 10).
    /// The signing key is <see cref="OtaPublicKey"/>.
    /// </summary>
    public static class OtaTarget
    {
        /// <summary>
        /// True while OtaPublicKey.cs holds the repository's TEST key (docs/spec/vectors/ota/test-public.pem,
        /// whose private key is public). Regenerate it with `sensornode ota getpub --pubkey DIR/ota-public.pem
        /// --namespace SensorNode.Ota.Device --output firmware/SensorNode.Ota.Device/OtaPublicKey.cs`, then set false.
        /// </summary>
        public const bool UsesTestKey = true;

        /// <summary>Board profile the images must name.</summary>
        public const string Board = "esp32-devkitc";

        /// <summary>The firmware's native assemblies (checksum 0 = not pinned by this build).</summary>
        public static FirmwareAssembly[] Firmware()
        {
            return new FirmwareAssembly[]
            {
                new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0),
            };
        }

        /// <summary>The policy images are checked against (security floor 0: the slot state holds the real floor).</summary>
        public static ImagePolicy Policy()
        {
            return new ImagePolicy(Board, Firmware(), 0);
        }
    }
}
