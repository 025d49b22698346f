using SensorNode.Core.Ota;

namespace SensorNode.Cli;

/// <summary>What to do about an unusable OTA public key (docs/spec/ota-image.md §8.4).</summary>
internal static class OtaKeyAdvice
{
    public static string For(PublicKeyStatus status) => status switch
    {
        PublicKeyStatus.MissingEnd => "the file is cut short (no END line); copy it again",
        PublicKeyStatus.BadBase64 => "the key text was altered (not base64); copy it again",
        PublicKeyStatus.BadDer => "not a well-formed public key; regenerate it with 'sensornode ota keygen'",
        PublicKeyStatus.NotRsa => "not an RSA key; OTA keys are RSA-3072 ('sensornode ota keygen')",
        PublicKeyStatus.WrongExponent => "the exponent is not 65537; regenerate it with 'sensornode ota keygen'",
        PublicKeyStatus.WrongModulusSize => "not a 3072-bit RSA key; regenerate it with 'sensornode ota keygen'",
        _ => "give the ota-public.pem that 'sensornode ota keygen' wrote",
    };
}
