using SensorNode.Core.Ota;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>One RSA-3072-PSS verification (e = 65537) of the bench image's signature over its signed-range hash.</summary>
    internal sealed class RsaVerifyCase : BenchCase
    {
        private readonly RsaPssVerifier _verifier;
        private readonly byte[] _hash = new byte[Sha256.HashLength];
        private readonly byte[] _signature;
        private bool _allValid = true;

        public RsaVerifyCase()
        {
            byte[] image = BenchImage.Build();
            int signed = image.Length - (BenchImage.Signature.Length / 2);
            Sha256 sha = new Sha256();
            sha.Update(image, 0, signed);
            sha.Finish(_hash, 0);
            _signature = new byte[image.Length - signed];
            System.Array.Copy(image, signed, _signature, 0, _signature.Length);
            _verifier = new RsaPssVerifier(OtaFixture.Key());
        }

        public override string Id
        {
            get { return "rsa3072-pss-verify"; }
        }

        public override string Check()
        {
            return _allValid ? null : "signature did not verify";
        }

        protected override void Once(int i)
        {
            if (!_verifier.Verify(_hash, 0, _signature, 0, _signature.Length))
            {
                _allValid = false;
            }
        }
    }
}
