using System;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;
using SensorNode.Host.Ota;

namespace SensorNode.Benchmarks.Ota;

/// <summary>
/// Cost of checking a 300 KB OTA image on the host with the core's own code: the whole streamed
/// verification (payload SHA-256 + signed-range SHA-256 + RSA-3072 PSS), its parts, and one 1 KB chunk
/// (allocations per chunk must be zero). A short job: a few minutes for the whole class.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class OtaVerifyBenchmark
{
    private const int AppBytes = 300 * 1024;
    private const int ChunkBytes = 1024;
    private readonly byte[] _chunk = new byte[ChunkBytes];
    private readonly byte[] _digest = new byte[32];
    private SimulatedFileStore _store = null!;
    private ImageVerifier _verifier = null!;
    private ImagePolicy _policy = null!;
    private Sha256 _sha = null!;
    private RsaPssVerifier _rsa = null!;
    private byte[] _signedHash = Array.Empty<byte>();
    private byte[] _signature = Array.Empty<byte>();
    private byte[] _payload = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        using RSA key = RSA.Create(3072);
        _payload = new byte[AppBytes];
        new Random(3).NextBytes(_payload);
        ImageHeader header = OtaImageBuilder.Header(1, 0, 0, 1, "esp32-devkitc");
        byte[] image = OtaImageBuilder.Build(header, new[] { ("App.pe", _payload) }, 0, "App.Program", key);
        _store = new SimulatedFileStore();
        _store.Replace("img", image, 0, image.Length);
        RsaPublicKey publicKey = new(key.ExportParameters(false).Modulus!);
        _verifier = new ImageVerifier(_store, publicKey, ChunkBytes);
        _policy = new ImagePolicy("esp32-devkitc", new[] { OtaImageBuilder.DefaultCompat }, 0);
        _sha = new Sha256();
        _rsa = new RsaPssVerifier(publicKey);
        _signedHash = SHA256.HashData(image.AsSpan(0, image.Length - 384));
        _signature = image[^384..];
        if (_verifier.Verify("img", _policy) != ImageStatus.Ok)
        {
            throw new InvalidOperationException("benchmark image does not verify");
        }
    }

    /// <summary>The node's whole check of a 300 KB image from storage, 1 KB chunks.</summary>
    [Benchmark]
    public ImageStatus VerifyImage300KB() => _verifier.Verify("img", _policy);

    /// <summary>Core SHA-256 over 300 KB in 1 KB chunks (the verifier does this twice).</summary>
    [Benchmark]
    public byte Sha256Core300KB()
    {
        for (int i = 0; i < AppBytes; i += ChunkBytes)
        {
            _sha.Update(_payload, i, ChunkBytes);
        }

        _sha.Finish(_digest, 0);
        return _digest[0];
    }

    /// <summary>.NET's SHA-256 over the same bytes, for scale.</summary>
    [Benchmark(Baseline = true)]
    public byte Sha256DotNet300KB() => SHA256.HashData(_payload)[0];

    /// <summary>One RSA-3072 PSS verification (e = 65537, Montgomery on uint limbs).</summary>
    [Benchmark]
    public bool RsaPss3072Verify() => _rsa.Verify(_signedHash, 0, _signature, 0, _signature.Length);

    /// <summary>One 1 KB chunk as the verifier handles it: read from the store, hash. Allocates nothing.</summary>
    [Benchmark]
    public int OneChunk()
    {
        int n = _store.Read("img", 4096, _chunk, 0, ChunkBytes);
        _sha.Update(_chunk, 0, n);
        return n;
    }
}
