using System;
using System.IO;
using System.Security.Cryptography;
using SensorNode.Core.Ota;

namespace SensorNode.Host.Ota;

/// <summary>OTA signing keys as PEM files: PKCS#8 private key (mode 0600) and SubjectPublicKeyInfo public key.</summary>
public static class OtaKeys
{
    /// <summary>File name of the private key written by keygen.</summary>
    public const string PrivateKeyFile = "ota-private.pem";

    /// <summary>File name of the public key written by keygen.</summary>
    public const string PublicKeyFile = "ota-public.pem";

    /// <summary>Creates a new RSA-3072 pair in <paramref name="directory"/>; throws <see cref="IOException"/> if either file exists.</summary>
    public static (string PrivatePath, string PublicPath) Generate(string directory)
    {
        Directory.CreateDirectory(directory);
        string privatePath = Path.Combine(directory, PrivateKeyFile);
        string publicPath = Path.Combine(directory, PublicKeyFile);
        foreach (string path in new[] { privatePath, publicPath })
        {
            if (File.Exists(path))
            {
                throw new IOException($"{path} exists; keygen never overwrites keys (move it away or choose another --out)");
            }
        }

        using RSA rsa = RSA.Create(RsaPublicKey.OtaModulusBits);
        WriteNew(privatePath, rsa.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            WriteNew(publicPath, rsa.ExportSubjectPublicKeyInfoPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        catch
        {
            File.Delete(privatePath);
            throw;
        }

        return (privatePath, publicPath);
    }

    /// <summary>Reads an RSA key (private or public) from a PEM file; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static RSA Load(string path)
    {
        string text = File.ReadAllText(path);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            throw new ArgumentException($"{path} holds no RSA key in PEM form");
        }

        return rsa;
    }

    /// <summary>The core's public key for an RSA key.</summary>
    public static RsaPublicKey ToCore(RSA rsa) => new(rsa.ExportParameters(false).Modulus!);

    private static void WriteNew(string path, string text, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
