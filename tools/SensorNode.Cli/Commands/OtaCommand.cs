using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode ota keygen|sign|verify|info|getpub|target`: signing keys and images of docs/spec/ota-image.md,
/// checked with the core's own parser and verifier (the code the node runs).
/// </summary>
internal static class OtaCommand
{
    private const string Usage =
        "expected one of: ota keygen --out DIR | ota sign --key KEY --version V --security-counter N --board B --input FILE... --output IMAGE " +
        "[--firmware-compat NAME=MAJOR.MINOR.BUILD.REVISION[:CHECKSUM]...] [--entry-type TYPE] | ota verify --pubkey PUB --input IMAGE | " +
        "ota info --input IMAGE [--json] | ota getpub --pubkey PUB [--namespace NS] [--output FILE] | ota target --firmware native_assemblies.csv|FW.zip --board B [--namespace NS] [--output FILE]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            throw new CliException(Usage);
        }

        var rest = args.Skip(1).ToList();
        try
        {
            return args[0] switch
            {
                "keygen" => Keygen(rest, stdout),
                "sign" => Sign(rest, stdout),
                "verify" => Verify(rest, stdout),
                "info" => OtaInfo.Run(rest, stdout),
                "getpub" => OtaGetpub.Run(rest, stdout),
                "target" => OtaTargetCommand.Run(rest, stdout),
                _ => throw new CliException(Usage),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"ota {args[0]}: {ex.Message}");
        }
    }

    private static int Keygen(IReadOnlyList<string> args, TextWriter stdout)
    {
        CliArgs a = CliArgs.Parse(args, new[] { "--out" }, Array.Empty<string>());
        string dir = a.Required("--out");
        try
        {
            (string priv, string pub) = OtaKeys.Generate(dir);
            stdout.WriteLine($"ota keygen: RSA-{RsaPublicKey.OtaModulusBits} private key {priv} (mode 0600, keep it secret), public key {pub}");
            return ExitCodes.Ok;
        }
        catch (IOException ex)
        {
            throw new CliException(ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException($"cannot write keys in {dir}: {ex.Message}");
        }
    }

    private static int Sign(IReadOnlyList<string> args, TextWriter stdout)
    {
        CliArgs a = CliArgs.Parse(args, new[] { "--key", "--version", "--security-counter", "--board", "--input", "--output", "--firmware-compat", "--entry-type" }, Array.Empty<string>());
        string keyPath = a.Required("--key");
        (int major, int minor, int patch) = ParseVersion(a.Required("--version"));
        int counter = a.Int("--security-counter", 0, ImageFormat.MaxSecurityCounter);
        string board = a.Required("--board");
        IReadOnlyList<string> inputs = a.Many("--input");
        string output = a.Required("--output");
        if (inputs.Count == 0)
        {
            throw new CliException("missing required option --input (one or more .pe files; the last one holds the entry point)");
        }

        OutputPathGuard.Check("ota sign: --output", output, inputs.Append(keyPath));
        var compat = a.Many("--firmware-compat").Select(ParseCompat).ToList();
        var files = new List<(string, byte[])>();
        foreach (string input in inputs)
        {
            if (!File.Exists(input))
            {
                throw new CliException($"--input {input}: no such file");
            }

            files.Add((Path.GetFileName(input), File.ReadAllBytes(input)));
        }

        string entryName = Path.GetFileNameWithoutExtension(inputs[^1]);
        string entryType = a.Optional("--entry-type") ?? entryName + ".Program";
        using RSA key = LoadKey(keyPath, "--key");
        byte[] image;
        try
        {
            ImageHeader header = OtaImageBuilder.Header(major, minor, patch, counter, board, compat.Count > 0 ? compat : null);
            image = OtaImageBuilder.Build(header, files, files.Count - 1, entryType, key);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
        catch (CryptographicException ex)
        {
            throw new CliException($"--key {keyPath}: cannot sign with it ({ex.Message}); use the private key from 'ota keygen'");
        }

        OutputPathGuard.WriteAtomically("ota sign: --output", output, inputs.Append(keyPath), image);
        stdout.WriteLine($"ota sign: {output}: version {major}.{minor}.{patch}, security counter {counter}, board {board}, {files.Count} file(s), {image.Length} bytes");
        return ExitCodes.Ok;
    }

    private static int Verify(IReadOnlyList<string> args, TextWriter stdout)
    {
        CliArgs a = CliArgs.Parse(args, new[] { "--pubkey", "--input" }, Array.Empty<string>());
        string pubPath = a.Required("--pubkey");
        string input = a.Required("--input");
        if (!File.Exists(input))
        {
            throw new CliException($"--input {input}: no such file");
        }

        using RSA key = LoadKey(pubPath, "--pubkey");
        RsaPublicKey publicKey = OtaKeys.ToCore(key);
        if (!publicKey.IsValid || key.KeySize != RsaPublicKey.OtaModulusBits)
        {
            throw new CliException($"--pubkey {pubPath}: not an RSA-{RsaPublicKey.OtaModulusBits} key");
        }

        var store = new FileImageStore("image", input);
        var verifier = new ImageVerifier(store, publicKey, 4096);
        ImageStatus status = verifier.Verify("image", null);
        if (status != ImageStatus.Ok)
        {
            stdout.WriteLine($"invalid: {ImageStatusText.Of(status)}");
            return ExitCodes.Failed;
        }

        stdout.WriteLine($"valid: version {verifier.Header.VersionText}, security counter {verifier.Header.SecurityCounter}, board {verifier.Header.Board}");
        return ExitCodes.Ok;
    }

    internal static RSA LoadKey(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{option} {path}: no such file");
        }

        try
        {
            return OtaKeys.Load(path);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{option} {ex.Message}");
        }
    }

    private static (int, int, int) ParseVersion(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v <= 65535))
        {
            throw new CliException($"--version must be MAJOR.MINOR.PATCH with each part 0..65535, got '{text}'");
        }

        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static FirmwareAssembly ParseCompat(string text)
    {
        string error = $"--firmware-compat must be NAME=MAJOR.MINOR.BUILD.REVISION[:CHECKSUM] (checksum hex, e.g. mscorlib=1.17.11.0:0x1A2B3C4D), got '{text}'";
        int eq = text.IndexOf('=');
        if (eq <= 0)
        {
            throw new CliException(error);
        }

        string name = text[..eq];
        string rest = text[(eq + 1)..];
        uint checksum = 0;
        int colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            string hex = rest[(colon + 1)..];
            hex = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
            if (!uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out checksum))
            {
                throw new CliException(error);
            }

            rest = rest[..colon];
        }

        string[] parts = rest.Split('.');
        var numbers = new int[4];
        if (parts.Length != 4 || Enumerable.Range(0, 4).Any(i => !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] > 65535))
        {
            throw new CliException(error);
        }

        return new FirmwareAssembly(name, numbers[0], numbers[1], numbers[2], numbers[3], checksum);
    }
}
