using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Which public key a node checks images with (docs/spec/ota-image.md §8.1), the same rule in the loader
    /// and the application so both accept the same images: the key provisioned in the file NodeConfig
    /// names (`sensornode provision --ota-pubkey`) when that file reads as an RSA-3072 key, else the key
    /// compiled into the build. A named file that does not read is reported (<see cref="FileStatus"/>) and
    /// the build's key is used: images signed with the provisioned key then fail their signature check,
    /// and the node keeps running what it runs.
    /// </summary>
    public sealed class OtaKeyChoice
    {
        private OtaKeyChoice(RsaPublicKey key, bool provisioned, PublicKeyStatus fileStatus)
        {
            Key = key;
            IsProvisioned = provisioned;
            FileStatus = fileStatus;
        }

        /// <summary>The key to verify with.</summary>
        public RsaPublicKey Key { get; private set; }

        /// <summary>True when <see cref="Key"/> came from the provisioned file.</summary>
        public bool IsProvisioned { get; private set; }

        /// <summary>Status of the provisioned file (Ok also when no file is named).</summary>
        public PublicKeyStatus FileStatus { get; private set; }

        /// <summary>Chooses between the file <paramref name="fileName"/> in <paramref name="store"/> (empty: none) and <paramref name="builtInModulus"/>.</summary>
        public static OtaKeyChoice Choose(IFileStore store, string fileName, byte[] builtInModulus)
        {
            if (fileName == null || fileName.Length == 0)
            {
                return new OtaKeyChoice(new RsaPublicKey(builtInModulus), false, PublicKeyStatus.Ok);
            }

            int length = store.Length(fileName);
            byte[] modulus = null;
            PublicKeyStatus status = PublicKeyStatus.BadLength;
            if (length > 0 && length <= PublicKeyPem.MaxPemBytes)
            {
                byte[] pem = new byte[length];
                int read = store.Read(fileName, 0, pem, 0, length);
                status = PublicKeyPem.Parse(pem, read, out modulus);
            }

            return status == PublicKeyStatus.Ok
                ? new OtaKeyChoice(new RsaPublicKey(modulus), true, status)
                : new OtaKeyChoice(new RsaPublicKey(builtInModulus), false, status);
        }
    }
}
