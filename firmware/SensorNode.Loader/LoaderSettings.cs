using SensorNode.Core.Ota;

namespace SensorNode.Loader
{
    /// <summary>
    /// What this loader build accepts: the board profile it is flashed on and the native assemblies of
    /// the firmware it runs on. Keep <see cref="Firmware"/> in step with the firmware image (names,
    /// versions and native checksums as the device reports them, e.g. `nanoff --devicedetails`); an
    /// image whose firmware-compatibility entries are not all listed here is refused (docs/spec/ota-image.md §5 step 10).
    /// </summary>
    public static class LoaderSettings
    {
        /// <summary>
        /// True while OtaPublicKey.cs holds the repository's TEST key (docs/spec/vectors/ota/test-public.pem,
        /// whose private key is public). Regenerate it with `sensornode ota getpub --pubkey DIR/ota-public.pem
        /// --namespace SensorNode.Loader --output firmware/SensorNode.Loader/OtaPublicKey.cs`, then set false.
        /// </summary>
        public const bool UsesTestKey = true;

        /// <summary>Board profile the images must name.</summary>
        public const string Board = "esp32-devkitc";

        /// <summary>Root of the LittleFS drive holding the slots.</summary>
        public const string Drive = "I:\\";

        /// <summary>Chunk size for streamed verification, in bytes.</summary>
        public const int ChunkBytes = 1024;

        /// <summary>The firmware's native assemblies (checksum 0 = not pinned by this build).</summary>
        public static FirmwareAssembly[] Firmware()
        {
            return new FirmwareAssembly[]
            {
                new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0),
            };
        }
    }
}
