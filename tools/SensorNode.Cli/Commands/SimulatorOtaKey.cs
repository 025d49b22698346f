using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Ota.Device;

namespace SensorNode.Cli.Commands;

/// <summary>
/// The key a simulated node checks images with: --ota-pubkey when given, else the device rule
/// (docs/spec/ota-image.md §8.1): the provisioned key in the node's flash, else the firmware's built-in key.
/// </summary>
internal static class SimulatorOtaKey
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
            : "the firmware's built-in key" + (OtaTarget.UsesTestKey ? " (the repository's TEST key, docs/spec/vectors/ota/test-public.pem)" : string.Empty);
        if (choice.FileStatus != PublicKeyStatus.Ok)
        {
            source += $"; the provisioned key {config.OtaPublicKeyFile} is unusable ({PublicKeyStatusText.Of(choice.FileStatus)})";
        }

        return (choice.Key, source);
    }
}
