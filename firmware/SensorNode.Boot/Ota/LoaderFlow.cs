using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// One boot of the loader application: the boot table chooses a slot (docs/spec/ota-slots.md §3),
    /// the image's board and firmware compatibility are checked against this firmware (an app built for
    /// other native assemblies is refused, not crashed into), then the application is started.
    /// </summary>
    public sealed class LoaderFlow
    {
        private readonly IFileStore _store;
        private readonly ImageVerifier _verifier;
        private readonly ImagePolicy _policy;
        private readonly IApplicationLoader _loader;
        private readonly BootManager _boot;

        /// <summary>Creates the flow over the node's files, key, policy and application loader.</summary>
        public LoaderFlow(IFileStore store, ImageVerifier verifier, ImagePolicy policy, IApplicationLoader loader)
        {
            _store = store;
            _verifier = verifier;
            _policy = policy;
            _loader = loader;
            _boot = new BootManager(store, verifier, policy);
        }

        /// <summary>The boot decision of the last <see cref="Run"/>.</summary>
        public BootDecision Decision { get; private set; }

        /// <summary>Start status of the last <see cref="Run"/> that reached the application loader.</summary>
        public AppStartStatus StartStatus { get; private set; }

        /// <summary>Decides, checks and starts; returns what happened.</summary>
        public LoaderOutcome Run()
        {
            Decision = _boot.Boot();
            if (Decision.Slot == SlotFiles.None)
            {
                return LoaderOutcome.NoBootableImage;
            }

            string image = Decision.ImageName;
            if (_verifier.ReadManifest(image) != ImageStatus.Ok)
            {
                return LoaderOutcome.ImageUnreadable;
            }

            if (_policy.CheckCompatibility(_verifier.Header) != ImageStatus.Ok)
            {
                return LoaderOutcome.IncompatibleFirmware;
            }

            StartStatus = _loader.Start(_store, image, _verifier.Header.HeaderSize, _verifier.Manifest);
            return StartStatus == AppStartStatus.Ran ? LoaderOutcome.Started : LoaderOutcome.StartFailed;
        }
    }
}
