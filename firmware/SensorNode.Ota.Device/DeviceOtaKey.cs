using System;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;

namespace SensorNode.Ota.Device
{
    /// <summary>
    /// The key images are checked with, chosen the same way by the loader and the application
    /// (docs/spec/ota-image.md §8.1): the provisioned otaPublicKey file, else <see cref="OtaPublicKey"/>.
    /// Prints what it chose, and a warning when that is the repository's test key or the file was unusable.
    /// </summary>
    public static class DeviceOtaKey
    {
        /// <summary>Chooses the key; <paramref name="who"/> prefixes the console lines ("loader", "ota").</summary>
        public static RsaPublicKey Load(IFileStore store, string provisionedFile, string who)
        {
            OtaKeyChoice choice = OtaKeyChoice.Choose(store, provisionedFile, OtaPublicKey.Modulus);
            if (choice.FileStatus != PublicKeyStatus.Ok)
            {
                Console.WriteLine(who + ": provisioned OTA key " + provisionedFile + " unusable (" + PublicKeyStatusText.Of(choice.FileStatus) + "); using the build's key. Provision it again with `sensornode provision --ota-pubkey`.");
            }

            if (choice.IsProvisioned)
            {
                Console.WriteLine(who + ": images are checked against the provisioned key " + provisionedFile);
            }
            else if (OtaPublicKey.IsTestKey)
            {
                Console.WriteLine(who + ": WARNING: images are checked against the public TEST key; provision a key (`sensornode provision --ota-pubkey`) or regenerate OtaPublicKey.cs with `sensornode ota getpub`");
            }

            return choice.Key;
        }
    }
}
