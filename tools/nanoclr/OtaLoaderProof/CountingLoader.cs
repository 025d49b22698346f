using SensorNode.Core.Ota;
using SensorNode.Core.Ports;

namespace OtaLoaderProof
{
    /// <summary>Counts the starts it is asked for and passes them to the real loader, or, with none, only records them.</summary>
    public sealed class CountingLoader : IApplicationLoader
    {
        private readonly IApplicationLoader _inner;

        public CountingLoader(IApplicationLoader inner)
        {
            _inner = inner;
        }

        public int Starts { get; private set; }

        public string LastImage { get; private set; }

        public AppStartStatus Start(IFileStore store, string imageName, int payloadOffset, PayloadManifest manifest)
        {
            Starts++;
            LastImage = imageName;
            return _inner == null ? AppStartStatus.Ran : _inner.Start(store, imageName, payloadOffset, manifest);
        }
    }
}
