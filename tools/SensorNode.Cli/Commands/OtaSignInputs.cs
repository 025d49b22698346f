using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Core.Ota;

namespace SensorNode.Cli.Commands;

/// <summary>
/// The option-by-option checks of `ota sign` (issue 17 item 8): each refusal names the option or file and says what
/// to do, instead of one message listing every rule of the header. The character rules are the core's
/// (<see cref="AsciiField"/>), so what passes here is what the node's parser accepts (docs/spec/ota-image.md §3).
/// Refusals are CliException (exit 2).
/// </summary>
internal static class OtaSignInputs
{
    /// <summary>Refuses a board name the header cannot carry.</summary>
    public static void CheckBoard(string board)
    {
        if (!Fits(board, ImageFormat.NameLength, AsciiField.Board))
        {
            throw new CliException($"--board '{board}' is not a board name: use 1..{ImageFormat.NameLength - 1} characters of a-z, 0-9, '.', '_', '-' (the node's board profile name, e.g. esp32-devkitc-ve)");
        }
    }

    /// <summary>Refuses a --firmware-compat assembly name the header cannot carry.</summary>
    public static void CheckCompatName(string name, string text)
    {
        if (!Fits(name, ImageFormat.NameLength, AsciiField.Name))
        {
            throw new CliException($"--firmware-compat '{text}': the assembly name must be 1..{ImageFormat.NameLength - 1} characters of A-Z, a-z, 0-9, '.', '_', '-' (as in the firmware's native_assemblies.csv, e.g. mscorlib)");
        }
    }

    /// <summary>Refuses an input file the manifest cannot carry: count, name, emptiness, a name twice, total size.</summary>
    public static void CheckFiles(IReadOnlyList<string> inputs, IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        if (files.Count > ImageFormat.MaxFiles)
        {
            throw new CliException($"--input: an image holds at most {ImageFormat.MaxFiles} files, got {files.Count}; put fewer assemblies in one update");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long payload = ImageFormat.ManifestFixedLength + ((long)ImageFormat.FileEntryLength * files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            (string name, byte[] bytes) = files[i];
            if (!name.EndsWith(".pe", StringComparison.Ordinal) || name.Length < 4 || !Fits(name, ImageFormat.NameLength, AsciiField.Name))
            {
                throw new CliException($"--input {inputs[i]}: the file name must end in .pe and be 1..{ImageFormat.NameLength - 1} characters of A-Z, a-z, 0-9, '.', '_', '-'; give the .pe that the nanoFramework build wrote (rename it if needed)");
            }

            if (bytes.Length == 0)
            {
                throw new CliException($"--input {inputs[i]}: the file is empty (0 bytes); give the .pe that the nanoFramework build wrote (bin/Release), rebuild if it is empty there");
            }

            if (!seen.Add(name))
            {
                throw new CliException($"--input {inputs[i]}: another --input is also named {name}; an image holds each file name once");
            }

            payload += bytes.Length;
        }

        if (payload > ImageFormat.MaxPayloadLength)
        {
            throw new CliException($"--input: the files make a payload of {payload} bytes, more than the format's {ImageFormat.MaxPayloadLength}; put fewer or smaller assemblies in one update");
        }
    }

    /// <summary>Refuses an entry type the manifest cannot carry; <paramref name="given"/> false when it was derived from the last input's name.</summary>
    public static void CheckEntryType(string entryType, bool given)
    {
        if (Fits(entryType, ImageFormat.EntryTypeLength, AsciiField.TypeName))
        {
            return;
        }

        throw new CliException(given
            ? $"--entry-type '{entryType}' is not an entry type name: use 1..{ImageFormat.EntryTypeLength - 1} characters of A-Z, a-z, 0-9, '.', '_', '+' (the entry point's namespace and class, e.g. App.Program)"
            : $"--entry-type: the default '{entryType}' (from the last --input's file name) is not a type name (A-Z, a-z, 0-9, '.', '_', '+'); give --entry-type NAMESPACE.CLASS");
    }

    /// <summary>
    /// Refuses a key file that .NET cannot use, before it is parsed: an encrypted private key (the CLI takes no
    /// passphrase; a public key is never encrypted). <paramref name="option"/> is --key or --pubkey.
    /// </summary>
    public static void CheckKeyText(string path, string option)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option} {path}: cannot read it ({ex.Message})");
        }

        if (text.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal) || text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new CliException(option == "--key"
                ? $"--key {path}: the private key is encrypted with a passphrase, which ota sign cannot take; give the unencrypted key that 'ota keygen' wrote (keep it offline), or decrypt a copy with 'openssl pkey -in {Path.GetFileName(path)} -out ota-private.pem'"
                : $"{option} {path}: this is an encrypted private key; give the public key, the ota-public.pem that 'ota keygen' wrote");
        }
    }

    private static bool Fits(string text, int size, int charset) => AsciiField.Write(text, new byte[size], 0, size, charset);
}
