using SensorNode.Core.Ota;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>
    /// The node's whole check of a 100 KB update image from storage (ImageVerifier.Verify, 1 KB chunks:
    /// structure, policy, payload SHA-256, signed-range SHA-256, RSA-3072-PSS; docs/spec/ota-image.md §5).
    /// </summary>
    internal sealed class ImageVerifyCase : BenchCase
    {
        private readonly ImageVerifier _verifier;
        private readonly ImagePolicy _policy = OtaFixture.Policy();
        private ImageStatus _worst = ImageStatus.Ok;

        public ImageVerifyCase()
        {
            _verifier = new ImageVerifier(OtaFixture.Store(BenchImage.Build()), OtaFixture.Key(), ImageVerifier.DefaultChunkBytes);
        }

        public override string Id
        {
            get { return "verify-image-100k"; }
        }

        public override int BytesPerOp
        {
            get { return BenchImage.PayloadBytes; }
        }

        public override string Check()
        {
            return _worst == ImageStatus.Ok ? null : "image status " + ((int)_worst).ToString();
        }

        protected override void Once(int i)
        {
            ImageStatus status = _verifier.Verify("img", _policy);
            if (status != ImageStatus.Ok)
            {
                _worst = status;
            }
        }
    }
}
