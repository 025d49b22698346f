using SensorNode.Core.Ota;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>Loading the OTA public key at boot: PublicKeyPem.Parse of a 3072-bit SPKI PEM, then the RsaPublicKey (Montgomery set-up).</summary>
    internal sealed class PemLoadCase : BenchCase
    {
        private readonly byte[] _pem = OtaFixture.PemBytes();
        private bool _allValid = true;

        public override string Id
        {
            get { return "pem-key-load"; }
        }

        public override string Check()
        {
            return _allValid ? null : "key did not load";
        }

        protected override void Once(int i)
        {
            byte[] modulus;
            if (PublicKeyPem.Parse(_pem, _pem.Length, out modulus) != PublicKeyStatus.Ok || !new RsaPublicKey(modulus).IsValid)
            {
                _allValid = false;
            }
        }
    }
}
