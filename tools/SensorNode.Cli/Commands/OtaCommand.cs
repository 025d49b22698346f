using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Views;
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
        "[--firmware-compat NAME=MAJOR.MINOR.BUILD.REVISION[:CHECKSUM]...] [--entry-type TYPE] [--loader LOADER.pe...] | ota verify --pubkey PUB --input IMAGE | " +
        "ota info --input IMAGE [--json] | ota getpub --pubkey PUB [--namespace NS] [--output FILE] | ota target --firmware native_assemblies.csv|FW.zip --board B [--namespace NS] [--output FILE]";

    public static Command Create()
    {
        var keygen = Sub("keygen", "make an RSA-3072 signing key pair", Keygen,
            Opt.Value("--out", "DIR", "folder for the private and public key files", required: true));
        var sign = Sub("sign", "build and sign an update image", Sign,
            Opt.Value("--key", "KEY", "private key from 'ota keygen'", required: true),
            Opt.Value("--version", "V", "image version MAJOR.MINOR.PATCH", required: true),
            Opt.Value("--security-counter", "N", "anti-rollback counter; the node refuses lower ones", required: true),
            Opt.Value("--board", "B", "board the image is for, e.g. esp32-devkitc", required: true),
            Opt.Many("--input", "FILE", "the .pe files; the last one holds the entry point"),
            Opt.Value("--output", "IMAGE", "the signed image", required: true),
            Opt.Many("--firmware-compat", "NAME=MAJOR.MINOR.BUILD.REVISION[:CHECKSUM]", "firmware assemblies the image needs"),
            Opt.Value("--entry-type", "TYPE", "entry point type [default: <last input>.Program]"),
            Opt.Many("--loader", "LOADER.pe", "the loader deployment's .pe files; image assemblies that would bind to them or shadow them are refused"));
        var verify = Sub("verify", "check an image's structure and signature", Verify,
            Opt.Value("--pubkey", "PUB", "public key from 'ota keygen'", required: true),
            Opt.Value("--input", "IMAGE", "the image", required: true));
        var info = Sub("info", "print an image's header and manifest", OtaInfo.Run,
            Opt.Value("--input", "IMAGE", "the image", required: true),
            Opt.Flag("--json", "as JSON"));
        var getpub = Sub("getpub", "the public key as C# source for the firmware build", OtaGetpub.Run,
            Opt.Value("--pubkey", "PUB", "public key from 'ota keygen'", required: true),
            Opt.Value("--namespace", "NS", "C# namespace [default: " + OtaGetpub.DefaultNamespace + "]"),
            Opt.Value("--output", "FILE", "write the source here instead of stdout"));
        var target = Sub("target", "the firmware table images are checked against, from a firmware package", OtaTargetCommand.Run,
            Opt.Value("--firmware", "native_assemblies.csv|FW.zip", "the firmware package or its native_assemblies.csv", required: true),
            Opt.Value("--board", "B", "board name, e.g. esp32-devkitc", required: true),
            Opt.Value("--namespace", "NS", "C# namespace [default: " + OtaGetpub.DefaultNamespace + "]"),
            Opt.Value("--output", "FILE", "write the source here instead of stdout"));
        var ota = new Command("ota", "signed update images: keygen, sign, verify, info, getpub, target; image format: docs/spec/ota-image.md")
        {
            keygen, sign, verify, info, getpub, target,
        };
        Func<ParseResult, int> usage = _ => throw new CliException(Usage);
        ota.SetAction(usage);
        return ota;
    }

    private static Command Sub(string name, string description, Func<ParsedOptions, TextWriter, int> run, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            try
            {
                return run(new ParsedOptions(r), r.InvocationConfiguration.Output);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"ota {name}: {ex.Message}");
            }
        });
        return command;
    }

    private static int Keygen(ParsedOptions a, TextWriter stdout)
    {
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

    private static int Sign(ParsedOptions a, TextWriter stdout)
    {
        string keyPath = a.Required("--key");
        (int major, int minor, int patch) = ParseVersion(a.Required("--version"));
        int counter = a.Int("--security-counter", 0, ImageFormat.MaxSecurityCounter);
        string board = a.Required("--board");
        OtaSignInputs.CheckBoard(board);
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

        OtaSignInputs.CheckFiles(inputs, files);
        OtaSignGuard.CheckAssemblies(files, a.Many("--loader"));
        string entryName = Path.GetFileNameWithoutExtension(inputs[^1]);
        string entryType = a.Optional("--entry-type") ?? entryName + ".Program";
        OtaSignInputs.CheckEntryType(entryType, a.Has("--entry-type"));
        using RSA key = LoadKey(keyPath, "--key");
        byte[] image;
        try
        {
            ImageHeader header = OtaImageBuilder.Header(major, minor, patch, counter, board, compat.Count > 0 ? compat : null);

            // Hashing and signing (the inputs were read and checked above): a progress bar, on a terminal, when slow.
            long total = files.Sum(f => (long)f.Item2.Length);
            image = WorkProgress.Run(stdout, "sign " + Path.GetFileName(output), TimeSpan.FromSeconds(1), report =>
            {
                report(total / 2, total);
                byte[] signed = OtaImageBuilder.Build(header, files, files.Count - 1, entryType, key);
                report(total, total);
                return signed;
            });
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
        catch (CryptographicException ex)
        {
            throw new CliException($"--key {keyPath}: cannot sign with it ({ex.Message}); use the private key from 'ota keygen'");
        }

        OtaSignGuard.CheckSlotBudget(board, image.Length, stdout);
        OutputPathGuard.WriteAtomically("ota sign: --output", output, inputs.Concat(a.Many("--loader")).Append(keyPath), image);
        stdout.WriteLine($"ota sign: {output}: version {major}.{minor}.{patch}, security counter {counter}, board {board}, {files.Count} file(s), {image.Length} bytes");
        return ExitCodes.Ok;
    }

    private static int Verify(ParsedOptions a, TextWriter stdout)
    {
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

        // A large image takes a while through the core's verifier: a progress bar over the bytes read, on a terminal.
        (ImageVerifier verifier, ImageStatus status) = WorkProgress.Run(stdout, "verify " + Path.GetFileName(input), TimeSpan.FromSeconds(1), report =>
        {
            var v = new ImageVerifier(new ReadProgressStore(new FileImageStore("image", input), report), publicKey, 4096);
            return (v, v.Verify("image", null));
        });
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

        OtaSignInputs.CheckKeyText(path, option);
        try
        {
            return OtaKeys.Load(path);
        }
        catch (ArgumentException ex)
        {
            string file = option == "--pubkey" ? "ota-public.pem" : "ota-private.pem";
            throw new CliException($"{option} {ex.Message}; give the {file} that 'sensornode ota keygen' wrote");
        }
    }

    private static (int, int, int) ParseVersion(string text)
    {
        string[] parts = text.Split('.');
        // Leading zeros are refused as update orders refuse them (docs/spec/mqtt.md), so a signed version is one an order can name.
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v <= 65535))
        {
            throw new CliException($"--version must be MAJOR.MINOR.PATCH with each part 0..65535 and no leading zeros, got '{text}'");
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
        OtaSignInputs.CheckCompatName(name, text);
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
