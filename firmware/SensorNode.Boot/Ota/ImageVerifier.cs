using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Checks an OTA image stored in an <see cref="IFileStore"/> in the order of docs/spec/ota-image.md §5,
    /// streaming it through one fixed buffer: the image is never loaded whole, and nothing is allocated
    /// per chunk. Never throws on bad images (storage failures other than short reads propagate).
    /// </summary>
    public sealed class ImageVerifier
    {
        /// <summary>Default chunk size, in bytes.</summary>
        public const int DefaultChunkBytes = 1024;

        private const int MaxManifestLength = ImageFormat.ManifestFixedLength + ImageFormat.FileEntryLength * ImageFormat.MaxFiles;

        private readonly IFileStore _store;
        private readonly RsaPssVerifier _rsa;
        private readonly byte[] _chunk;
        private readonly byte[] _signature = new byte[ImageFormat.SignatureLength];
        private readonly byte[] _manifestBytes = new byte[MaxManifestLength];
        private readonly byte[] _signedHash = new byte[Sha256.HashLength];
        private readonly byte[] _payloadHash = new byte[Sha256.HashLength];
        private readonly Sha256 _signedSha = new Sha256();
        private readonly Sha256 _payloadSha = new Sha256();

        /// <summary>Creates a verifier reading <paramref name="store"/> in chunks of <paramref name="chunkBytes"/> (at least 1024).</summary>
        public ImageVerifier(IFileStore store, RsaPublicKey key, int chunkBytes)
        {
            _store = store;
            _rsa = new RsaPssVerifier(key);
            _chunk = new byte[chunkBytes < DefaultChunkBytes ? DefaultChunkBytes : chunkBytes];
        }

        /// <summary>The header of the last image checked (valid when its status got past step 4).</summary>
        public ImageHeader Header { get; } = new ImageHeader();

        /// <summary>The manifest of the last image checked (valid after an Ok status).</summary>
        public PayloadManifest Manifest { get; } = new PayloadManifest();

        /// <summary>Chunks read by the last <see cref="Verify"/>.</summary>
        public int ChunksRead { get; private set; }

        /// <summary>Steps 1–5: header fields and file length, reading only the header.</summary>
        public ImageStatus CheckStructure(string name)
        {
            int length = _store.Length(name);
            if (length < 0)
            {
                return ImageStatus.Truncated;
            }

            int n = _store.Read(name, 0, _chunk, 0, length < _chunk.Length ? length : _chunk.Length);
            ImageStatus status = Header.Parse(_chunk, 0, n);
            if (status != ImageStatus.Ok)
            {
                return status;
            }

            if (length < Header.ImageLength)
            {
                return ImageStatus.Truncated;
            }

            return length > Header.ImageLength ? ImageStatus.TrailingBytes : ImageStatus.Ok;
        }

        /// <summary>Steps 1–5 and 8 (structure and manifest) without hashing: what the loader reads at a boot that trusts the slot state.</summary>
        public ImageStatus ReadManifest(string name)
        {
            ImageStatus status = CheckStructure(name);
            if (status != ImageStatus.Ok)
            {
                return status;
            }

            int count = Header.PayloadLength < MaxManifestLength ? Header.PayloadLength : MaxManifestLength;
            if (_store.Read(name, Header.HeaderSize, _manifestBytes, 0, count) != count)
            {
                return ImageStatus.ReadFailed;
            }

            return Manifest.Parse(_manifestBytes, 0, count, Header.PayloadLength);
        }

        /// <summary>All steps of §5. With a null <paramref name="policy"/> steps 9–11 are skipped (the host's `ota verify`).</summary>
        public ImageStatus Verify(string name, ImagePolicy policy)
        {
            ChunksRead = 0;
            ImageStatus status = CheckStructure(name);
            if (status != ImageStatus.Ok)
            {
                return status;
            }

            status = HashSignedRange(name);
            if (status != ImageStatus.Ok)
            {
                return status;
            }

            if (_store.Read(name, Header.SignedLength, _signature, 0, _signature.Length) != _signature.Length)
            {
                return ImageStatus.ReadFailed;
            }

            if (!_rsa.Verify(_signedHash, 0, _signature, 0, _signature.Length))
            {
                return ImageStatus.SignatureInvalid;
            }

            int manifestBytes = Header.PayloadLength < MaxManifestLength ? Header.PayloadLength : MaxManifestLength;
            status = Manifest.Parse(_manifestBytes, 0, manifestBytes, Header.PayloadLength);
            if (status != ImageStatus.Ok || policy == null)
            {
                return status;
            }

            return policy.Check(Header);
        }

        // Steps 6 (payload hash) and the digest for step 7, in one pass over the signed range; the
        // manifest's bytes are kept on the way so that step 8 needs no second read.
        private ImageStatus HashSignedRange(string name)
        {
            _signedSha.Reset();
            _payloadSha.Reset();
            int signedLength = Header.SignedLength;
            int headerSize = Header.HeaderSize;
            int position = 0;
            while (position < signedLength)
            {
                int want = signedLength - position < _chunk.Length ? signedLength - position : _chunk.Length;
                int got = _store.Read(name, position, _chunk, 0, want);
                ChunksRead++;
                if (got != want)
                {
                    return ImageStatus.ReadFailed;
                }

                _signedSha.Update(_chunk, 0, got);
                int payloadStart = headerSize > position ? headerSize - position : 0;
                if (payloadStart < got)
                {
                    _payloadSha.Update(_chunk, payloadStart, got - payloadStart);
                    int payloadPosition = position + payloadStart - headerSize;
                    for (int i = payloadStart; i < got && payloadPosition < MaxManifestLength; i++)
                    {
                        _manifestBytes[payloadPosition++] = _chunk[i];
                    }
                }

                position += got;
            }

            _signedSha.Finish(_signedHash, 0);
            _payloadSha.Finish(_payloadHash, 0);
            int diff = 0;
            for (int i = 0; i < Sha256.HashLength; i++)
            {
                diff |= _payloadHash[i] ^ Header.PayloadSha256[i];
            }

            return diff == 0 ? ImageStatus.Ok : ImageStatus.HashMismatch;
        }
    }
}
