using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Cli.CommandLine;
using System.Text;
using System.Text.Json;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;

namespace SensorNode.Cli.Commands;

/// <summary>`sensornode ota info --input IMAGE [--json]`: the header and manifest as the core's parser reads them.</summary>
internal static class OtaInfo
{
    public static int Run(ParsedOptions a, TextWriter stdout)
    {
        string input = a.Required("--input");
        if (!File.Exists(input))
        {
            throw new CliException($"--input {input}: no such file");
        }

        var store = new FileImageStore("image", input);
        var verifier = new ImageVerifier(store, new RsaPublicKey(Array.Empty<byte>()), 4096);
        ImageStatus status = verifier.CheckStructure("image");
        var manifest = new PayloadManifest();
        if (status == ImageStatus.Ok)
        {
            // Valid means header, manifest and lengths (ota-image.md §4): a manifest that does not parse is invalid too.
            ImageHeader header = verifier.Header;
            byte[] manifestBytes = new byte[Math.Min(header.PayloadLength, 648)];
            store.Read("image", header.HeaderSize, manifestBytes, 0, manifestBytes.Length);
            status = manifest.Parse(manifestBytes, 0, manifestBytes.Length, header.PayloadLength);
        }

        if (status != ImageStatus.Ok)
        {
            // --json stays JSON for an invalid image too (issue 17 item 8): {"valid": false, "error": "<status>"}, exit 1.
            if (a.Has("--json"))
            {
                WriteInvalidJson(stdout, status);
            }
            else
            {
                stdout.WriteLine($"invalid: {ImageStatusText.Of(status)}");
            }

            return ExitCodes.Failed;
        }

        ImageHeader h = verifier.Header;
        byte[] signature = new byte[ImageFormat.SignatureLength];
        store.Read("image", h.SignedLength, signature, 0, signature.Length);
        if (a.Has("--json"))
        {
            WriteJson(stdout, h, manifest, signature);
        }
        else
        {
            stdout.WriteLine($"version {h.VersionText}, security counter {h.SecurityCounter}, board {h.Board}");
            stdout.WriteLine($"header {h.HeaderSize} B, payload {h.PayloadLength} B, signed {h.SignedLength} B, image {h.ImageLength} B");
            stdout.WriteLine($"payload sha256 {Convert.ToHexStringLower(h.PayloadSha256)}");
            for (int i = 0; i < h.CompatCount; i++)
            {
                stdout.WriteLine($"needs firmware: {h.Compat[i]}");
            }

            for (int i = 0; i < manifest.FileCount; i++)
            {
                stdout.WriteLine($"file {manifest.FileNames[i]} {manifest.FileLengths[i]} B{(i == manifest.EntryIndex ? ", entry " + manifest.EntryType + ".Main" : string.Empty)}");
            }
        }

        return ExitCodes.Ok;
    }

    private static void WriteInvalidJson(TextWriter stdout, ImageStatus status)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", false);
            w.WriteString("error", ImageStatusText.Of(status));
            w.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJson(TextWriter stdout, ImageHeader h, PayloadManifest m, byte[] signature)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", true);
            w.WriteNumber("format_version", ImageFormat.FormatVersion);
            w.WriteString("version", h.VersionText);
            w.WriteNumber("security_counter", h.SecurityCounter);
            w.WriteString("board", h.Board);
            w.WriteNumber("flags", h.Flags);
            w.WriteNumber("header_size", h.HeaderSize);
            w.WriteNumber("payload_length", h.PayloadLength);
            w.WriteString("payload_sha256", Convert.ToHexStringLower(h.PayloadSha256));
            w.WriteNumber("signed_length", h.SignedLength);
            w.WriteNumber("image_length", h.ImageLength);
            w.WriteStartArray("firmware_compat");
            for (int i = 0; i < h.CompatCount; i++)
            {
                FirmwareAssembly c = h.Compat[i];
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("version", $"{c.Major}.{c.Minor}.{c.Build}.{c.Revision}");
                w.WriteNumber("native_checksum", c.NativeChecksum);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("manifest", ImageStatusText.Of(ImageStatus.Ok)); // a manifest that does not parse makes the image invalid
            w.WriteString("entry_type", m.EntryType);
            w.WriteStartArray("files");
            for (int i = 0; i < m.FileCount; i++)
            {
                w.WriteStartObject();
                w.WriteString("name", m.FileNames[i]);
                w.WriteNumber("length", m.FileLengths[i]);
                w.WriteBoolean("entry", i == m.EntryIndex);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteString("signature_hex", Convert.ToHexStringLower(signature));
            w.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
