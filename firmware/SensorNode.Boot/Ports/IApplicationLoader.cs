using SensorNode.Core.Ota;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Starts the application held in a verified slot image. The managed loader implements it with
    /// Assembly.Load(byte[]); upstream's native In-Field Update can replace it when it ships for ESP32.
    /// </summary>
    public interface IApplicationLoader
    {
        /// <summary>
        /// Loads the manifest's files from <paramref name="imageName"/> in order (payload at
        /// <paramref name="payloadOffset"/>) and calls the entry type's static Main(); returns how it went.
        /// </summary>
        AppStartStatus Start(IFileStore store, string imageName, int payloadOffset, PayloadManifest manifest);
    }
}
