namespace SensorNode.Loader
{
    /// <summary>
    /// Loader-only settings. What images are accepted (board, firmware table, test-key flag) and the signing
    /// key are shared with the application: SensorNode.Ota.Device.OtaTarget and OtaPublicKey.
    /// </summary>
    public static class LoaderSettings
    {
        /// <summary>Root of the LittleFS drive holding the slots.</summary>
        public const string Drive = "I:\\";

        /// <summary>Chunk size for streamed verification, in bytes.</summary>
        public const int ChunkBytes = 1024;
    }
}
