using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using SensorNode.Core.Ota;

namespace SensorNode.Host.Ota;

/// <summary>
/// Builds and signs OTA images (docs/spec/ota-image.md) with the core's own header and manifest
/// encoders; the signature is RSASSA-PSS SHA-256/MGF1-SHA-256/salt 32 by .NET over the signed range.
/// </summary>
public static class OtaImageBuilder
{
    /// <summary>The compatibility entry used when none is given: every payload needs CoreLibrary 1.17.11.</summary>
    public static FirmwareAssembly DefaultCompat { get; } = new("mscorlib", 1, 17, 11, 0, 0);

    /// <summary>Builds the unsigned part (header + payload); throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public static byte[] BuildSigned(ImageHeader header, IReadOnlyList<(string Name, byte[] Bytes)> files, int entryIndex, string entryType)
    {
        var manifest = new PayloadManifest { FileCount = files.Count, EntryIndex = entryIndex, EntryType = entryType };
        if (files.Count < 1 || files.Count > ImageFormat.MaxFiles)
        {
            throw new ArgumentException($"an image holds 1..{ImageFormat.MaxFiles} files, got {files.Count}");
        }

        long payloadLength = ImageFormat.ManifestFixedLength + (long)ImageFormat.FileEntryLength * files.Count;
        for (int i = 0; i < files.Count; i++)
        {
            manifest.FileNames[i] = files[i].Name;
            manifest.FileLengths[i] = files[i].Bytes.Length;
            payloadLength += files[i].Bytes.Length;
        }

        if (payloadLength > ImageFormat.MaxPayloadLength)
        {
            throw new ArgumentException($"payload of {payloadLength} bytes exceeds the format's {ImageFormat.MaxPayloadLength}");
        }

        byte[] payload = new byte[payloadLength];
        if (manifest.Encode(payload, 0) < 0)
        {
            throw new ArgumentException("file names must be 1..31 of [A-Za-z0-9._-] ending in .pe, unique, non-empty; entry type 1..63 of [A-Za-z0-9._+]");
        }

        int position = manifest.Length;
        foreach ((_, byte[] bytes) in files)
        {
            bytes.CopyTo(payload, position);
            position += bytes.Length;
        }

        if (new PayloadManifest().Parse(payload, 0, payload.Length, payload.Length) != ImageStatus.Ok)
        {
            throw new ArgumentException("file names must be unique");
        }

        header.PayloadLength = payload.Length;
        SHA256.HashData(payload).CopyTo(header.PayloadSha256, 0);
        byte[] headerBytes = new byte[ImageFormat.MaxHeaderLength];
        int headerLength = header.Encode(headerBytes, 0);
        if (headerLength < 0)
        {
            throw new ArgumentException("header field out of range: board is 1..31 of [a-z0-9._-], versions 0..65535, security counter 0..2147483647, compat names 1..31 of [A-Za-z0-9._-]");
        }

        byte[] signed = new byte[headerLength + payload.Length];
        Array.Copy(headerBytes, signed, headerLength);
        payload.CopyTo(signed, headerLength);
        return signed;
    }

    /// <summary>Appends the RSA-PSS signature of <paramref name="signed"/>; the key must be RSA-3072.</summary>
    public static byte[] Sign(byte[] signed, RSA privateKey)
    {
        if (privateKey.KeySize != RsaPublicKey.OtaModulusBits)
        {
            throw new ArgumentException($"OTA keys are RSA-{RsaPublicKey.OtaModulusBits}, this key has {privateKey.KeySize} bits");
        }

        byte[] signature = privateKey.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        byte[] image = new byte[signed.Length + signature.Length];
        signed.CopyTo(image, 0);
        signature.CopyTo(image, signed.Length);
        return image;
    }

    /// <summary>Builds and signs an image in one step.</summary>
    public static byte[] Build(ImageHeader header, IReadOnlyList<(string Name, byte[] Bytes)> files, int entryIndex, string entryType, RSA privateKey) =>
        Sign(BuildSigned(header, files, entryIndex, entryType), privateKey);

    /// <summary>A header with the given identity and compatibility entries (default: <see cref="DefaultCompat"/>).</summary>
    public static ImageHeader Header(int major, int minor, int patch, int securityCounter, string board, IReadOnlyList<FirmwareAssembly>? compat = null)
    {
        compat ??= new[] { DefaultCompat };
        if (compat.Count > ImageFormat.MaxCompatEntries)
        {
            throw new ArgumentException($"at most {ImageFormat.MaxCompatEntries} firmware-compat entries");
        }

        var header = new ImageHeader
        {
            VersionMajor = major, VersionMinor = minor, VersionPatch = patch,
            SecurityCounter = securityCounter, Board = board, CompatCount = compat.Count,
        };
        for (int i = 0; i < compat.Count; i++)
        {
            header.Compat[i] = compat[i];
        }

        return header;
    }
}
