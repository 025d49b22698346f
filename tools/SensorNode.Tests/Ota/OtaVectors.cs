using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>
/// The named vectors of docs/spec/ota-image.md §7: how each is built, where it lives, and the policy
/// (board, firmware) they are checked against. Set SENSORNODE_REGENERATE_VECTORS=1 and run
/// OtaVectorTests to rewrite them into docs/spec/vectors/ota/ (then commit).
/// </summary>
internal static class OtaVectors
{
    public const string Board = "esp32-devkitc";

    public static readonly FirmwareAssembly[] Firmware = { new("mscorlib", 1, 17, 11, 0, 0x1234ABCD), new("System.Net.Http", 1, 5, 210, 0, 0x0BADF00D) };

    /// <summary>Directory holding the vectors in the test output (copied from docs/spec/vectors).</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "vectors", "ota");

    /// <summary>Directory of the committed vectors in the repository.</summary>
    public static string SourceDirectory => Repo.Path("docs", "spec", "vectors", "ota");

    public static ImagePolicy Policy(int floor = 0) => new(Board, Firmware, floor);

    public static RSA PrivateKey() => OtaKeys.Load(Path.Combine(Directory, "test-private.pem"));

    public static RsaPublicKey PublicKey() => Load("test-public.pem");

    public static RsaPublicKey OtherPublicKey() => Load("other-public.pem");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    /// <summary>One-file payload "App.pe" (16 bytes 0x00..0x0F).</summary>
    public static (string, byte[])[] MinimalFiles() => new[] { ("App.pe", Sequence(16, 0)) };

    public static byte[] Sequence(int length, int start)
    {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++)
        {
            b[i] = (byte)(start + i);
        }

        return b;
    }

    /// <summary>The signed part (header + payload) of each named vector, as the spec describes it.</summary>
    public static IEnumerable<(string Name, byte[] Signed, ImageStatus Expected)> SignedParts()
    {
        yield return ("minimal.snimg", OtaImageBuilder.BuildSigned(OtaImageBuilder.Header(1, 0, 0, 1, Board), MinimalFiles(), 0, "App.Program"), ImageStatus.Ok);
        yield return ("two-files.snimg", OtaImageBuilder.BuildSigned(OtaImageBuilder.Header(1, 2, 3, 7, Board), new[] { ("Lib.pe", Sequence(40, 0x40)), ("App.pe", Sequence(24, 0x80)) }, 1, "App.Program"), ImageStatus.Ok);
        yield return ("wrong-board.snimg", OtaImageBuilder.BuildSigned(OtaImageBuilder.Header(1, 0, 0, 1, "esp32-s3-box"), MinimalFiles(), 0, "App.Program"), ImageStatus.WrongBoard);
        yield return ("incompatible.snimg", OtaImageBuilder.BuildSigned(OtaImageBuilder.Header(1, 0, 0, 1, Board, new[] { new FirmwareAssembly("mscorlib", 1, 18, 0, 0, 0) }), MinimalFiles(), 0, "App.Program"), ImageStatus.IncompatibleFirmware);
    }

    /// <summary>Rewrites every vector (keys too when absent) into <see cref="SourceDirectory"/>.</summary>
    public static void Regenerate()
    {
        string dir = SourceDirectory;
        System.IO.Directory.CreateDirectory(dir);
        string priv = Path.Combine(dir, "test-private.pem");
        if (!File.Exists(priv))
        {
            using RSA k = RSA.Create(3072);
            File.WriteAllText(priv, k.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(dir, "test-public.pem"), k.ExportSubjectPublicKeyInfoPem());
            using RSA other = RSA.Create(3072);
            File.WriteAllText(Path.Combine(dir, "other-public.pem"), other.ExportSubjectPublicKeyInfoPem());
        }

        using RSA key = OtaKeys.Load(priv);
        byte[]? minimal = null;
        foreach ((string name, byte[] signed, _) in SignedParts())
        {
            byte[] image = OtaImageBuilder.Sign(signed, key);
            File.WriteAllBytes(Path.Combine(dir, name), image);
            minimal ??= image;
        }

        // Tampered payload: last payload byte flipped (hash no longer matches).
        byte[] tampered = (byte[])minimal!.Clone();
        tampered[tampered.Length - ImageFormat.SignatureLength - 1] ^= 0x01;
        File.WriteAllBytes(Path.Combine(dir, "tampered-payload.snimg"), tampered);

        // Tampered header: version_patch changed; the payload hash still matches, the signature does not.
        byte[] header = (byte[])minimal.Clone();
        header[12] ^= 0x01;
        File.WriteAllBytes(Path.Combine(dir, "tampered-header.snimg"), header);
    }

    private static RsaPublicKey Load(string name)
    {
        using RSA rsa = OtaKeys.Load(Path.Combine(Directory, name));
        return OtaKeys.ToCore(rsa);
    }
}
