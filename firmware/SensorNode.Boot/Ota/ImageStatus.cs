namespace SensorNode.Core.Ota
{
    /// <summary>
    /// Result of checking an OTA image: the error table of docs/spec/ota-image.md §6, in its
    /// validation order. Persisted in slot state (rollback reasons): never renumber.
    /// </summary>
    public enum ImageStatus
    {
        /// <summary>The image is valid for this node.</summary>
        Ok = 0,

        /// <summary>Fewer bytes than the header requires.</summary>
        Truncated = 1,

        /// <summary>Not an image (magic is not "SNOI").</summary>
        BadMagic = 2,

        /// <summary>A format version this node does not know.</summary>
        UnsupportedFormatVersion = 3,

        /// <summary>A header or compatibility field is outside its range.</summary>
        HeaderFieldOutOfRange = 4,

        /// <summary>Bytes after the signature.</summary>
        TrailingBytes = 5,

        /// <summary>The payload does not match payload_sha256.</summary>
        HashMismatch = 6,

        /// <summary>RSA-PSS verification failed (wrong key, tampered header, bad signature).</summary>
        SignatureInvalid = 7,

        /// <summary>The payload container (manifest) is malformed.</summary>
        ManifestInvalid = 8,

        /// <summary>Built for another board.</summary>
        WrongBoard = 9,

        /// <summary>Needs native assemblies this firmware does not have.</summary>
        IncompatibleFirmware = 10,

        /// <summary>Security counter below the node's anti-rollback floor.</summary>
        Downgrade = 11,

        /// <summary>Storage returned fewer bytes than it reported.</summary>
        ReadFailed = 12,
    }
}
