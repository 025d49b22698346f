using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Ota.Device;

namespace SensorNode.Cli.Commands;

/// <summary>
/// What a simulated node starts its updates from: the key it checks images with (--ota-pubkey when given,
/// else the device rule of docs/spec/ota-image.md §8.1: the provisioned key in the node's flash, else the
/// firmware's built-in key) and the first image in slot A of a fresh flash (--ota-image).
/// </summary>
internal static class SimulatorOta
{
    public static (RsaPublicKey Key, string Source) Choose(string? pubkeyFile, IFileStore flash, NodeConfig config)
    {
        if (pubkeyFile != null)
        {
            byte[] pem = File.ReadAllBytes(pubkeyFile);
            PublicKeyStatus status = PublicKeyPem.Parse(pem, pem.Length, out byte[]? modulus);
            if (status != PublicKeyStatus.Ok)
            {
                throw new CliException($"--ota-pubkey: {Path.GetFileName(pubkeyFile)}: {PublicKeyStatusText.Of(status)}: {OtaKeyAdvice.For(status)}");
            }

            return (new RsaPublicKey(modulus!), pubkeyFile);
        }

        OtaKeyChoice choice = OtaKeyChoice.Choose(flash, config.OtaPublicKeyFile, OtaPublicKey.Modulus);
        string source = choice.IsProvisioned
            ? "the provisioned key " + config.OtaPublicKeyFile
            : "the firmware's built-in key" + (OtaPublicKey.IsTestKey ? " (the repository's TEST key, docs/spec/vectors/ota/test-public.pem)" : string.Empty);
        if (choice.FileStatus != PublicKeyStatus.Ok)
        {
            source += $"; the provisioned key {config.OtaPublicKeyFile} is unusable ({PublicKeyStatusText.Of(choice.FileStatus)})";
        }

        return (choice.Key, source);
    }

    // A fresh flash gets the image in slot A, as flash.ps1 deploys the loader's first image; the boot adopts it (ota-slots.md §3 rows 5-7).
    public static string? PlaceFactoryImage(string? path, IFileStore flash)
    {
        bool fresh = flash.Length(SlotFiles.State) <= 0 && flash.Length(SlotFiles.Image(0)) <= 0 && flash.Length(SlotFiles.Image(1)) <= 0;
        if (path == null)
        {
            return fresh ? "  no signed image in slot A yet: update orders are refused (no_slot_state) until one runs; pass --ota-image IMG, as flash.ps1 deploys the loader with a first image" : null;
        }

        if (!fresh)
        {
            return $"  --ota-image ignored: the node's flash already holds slots (delete {SlotFiles.State} and the slot images to start over)";
        }

        byte[] image = File.ReadAllBytes(path);
        flash.Replace(SlotFiles.Image(0), image, 0, image.Length);
        return $"  factory image {Path.GetFileName(path)} ({image.Length} bytes) placed in slot A";
    }
}
