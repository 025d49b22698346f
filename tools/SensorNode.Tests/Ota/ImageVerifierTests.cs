using System;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Ota;

/// <summary>Adversarial inputs for the core's header parser and streamed verifier (docs/spec/ota-image.md §5).</summary>
[TestClass]
public sealed class ImageVerifierTests
{
    private static readonly byte[] Minimal = OtaVectors.Read("minimal.snimg");
    private static readonly RsaPublicKey Key = OtaVectors.PublicKey();

    [TestMethod]
    public void Verify_TruncatedAtEveryLength_ReturnsTruncated()
    {
        var store = new SimulatedFileStore();
        var verifier = new ImageVerifier(store, Key, 1024);
        for (int length = 0; length < Minimal.Length; length++)
        {
            store.Replace("img", Minimal, 0, length);
            Assert.AreEqual(ImageStatus.Truncated, verifier.Verify("img", OtaVectors.Policy()), "length " + length);
        }

        store.Replace("img", Minimal, 0, Minimal.Length);
        Assert.AreEqual(ImageStatus.Ok, verifier.Verify("img", OtaVectors.Policy()));
    }

    [TestMethod]
    public void Verify_OneExtraByte_ReturnsTrailingBytes()
    {
        byte[] longer = new byte[Minimal.Length + 1];
        Minimal.CopyTo(longer, 0);
        Assert.AreEqual(ImageStatus.TrailingBytes, Check(longer));
    }

    [DataRow("magic", 0, 0x01, ImageStatus.BadMagic)]
    [DataRow("format_version", 4, 0x02, ImageStatus.UnsupportedFormatVersion)]
    [DataRow("header_size", 6, 0x01, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("flags", 14, 0x01, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("security_counter above 2^31-1", 19, 0x80, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("payload_length above 1 MiB", 22, 0x20, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("payload_length grows", 20, 0x01, ImageStatus.Truncated)]
    [DataRow("payload_sha256", 24, 0x01, ImageStatus.HashMismatch)]
    [DataRow("board upper case", 56, 0x20, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("board padding", 87, 0x41, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("compat_count", 88, 0x02, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("reserved", 91, 0x01, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("compat name non-ASCII", 96, 0x80, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("compat version (signed)", 130, 0x01, ImageStatus.SignatureInvalid)]
    [DataRow("compat reserved", 140, 0x01, ImageStatus.HeaderFieldOutOfRange)]
    [DataRow("manifest magic", 144, 0x01, ImageStatus.HashMismatch)]
    [DataRow("signature first byte", -384, 0x01, ImageStatus.SignatureInvalid)]
    [DataRow("signature last byte", -1, 0x01, ImageStatus.SignatureInvalid)]
    [TestMethod]
    public void Verify_MutatedField_ReturnsItsStatus(string field, int position, int mask, ImageStatus expected)
    {
        byte[] image = (byte[])Minimal.Clone();
        image[position < 0 ? image.Length + position : position] ^= (byte)mask;
        Assert.AreEqual(expected, Check(image), field);
    }

    [TestMethod]
    public void Verify_RandomBytesAndRandomMutations_NeverThrowAndNeverPass()
    {
        Gen.Byte.Array[0, 1200].Sample(bytes => Assert.AreNotEqual(ImageStatus.Ok, Check(bytes)), iter: 300, threads: 1);
        Gen.Select(Gen.Int[0, Minimal.Length - 1], Gen.Byte[1, 255]).Sample((position, mask) =>
        {
            byte[] image = (byte[])Minimal.Clone();
            image[position] ^= mask;
            Assert.AreNotEqual(ImageStatus.Ok, Check(image));
        }, iter: 300, threads: 1);
    }

    [TestMethod]
    public void Verify_EveryChunkSize_GivesTheSameResult()
    {
        byte[] two = OtaVectors.Read("two-files.snimg");
        foreach (int chunk in new[] { 1024, 1031, 4096 })
        {
            var store = new SimulatedFileStore();
            store.Replace("img", two, 0, two.Length);
            var verifier = new ImageVerifier(store, Key, chunk);
            Assert.AreEqual(ImageStatus.Ok, verifier.Verify("img", OtaVectors.Policy()));
            Assert.AreEqual(2, verifier.Manifest.FileCount);
            Assert.AreEqual("Lib.pe", verifier.Manifest.FileNames[0]);
            Assert.AreEqual("App.Program", verifier.Manifest.EntryType);
            Assert.AreEqual(1, verifier.Manifest.EntryIndex);
        }
    }

    [TestMethod]
    public void Verify_StreamsThroughItsBuffer_LargeImageInManyChunks()
    {
        using var rsa = OtaVectors.PrivateKey();
        byte[] big = OtaImageBuilderHelper.Image(rsa, 1, 0, 0, 1, 300 * 1024);
        var store = new SimulatedFileStore();
        store.Replace("img", big, 0, big.Length);
        var verifier = new ImageVerifier(store, Key, 1024);
        Assert.AreEqual(ImageStatus.Ok, verifier.Verify("img", OtaVectors.Policy()));
        Assert.AreEqual((big.Length - 384 + 1023) / 1024, verifier.ChunksRead);
    }

    [TestMethod]
    public void Verify_NoAllocationPerChunk()
    {
        using var rsa = OtaVectors.PrivateKey();
        var store = new SimulatedFileStore();
        byte[] small = OtaImageBuilderHelper.Image(rsa, 1, 0, 0, 1, 8 * 1024);
        byte[] big = OtaImageBuilderHelper.Image(rsa, 1, 0, 0, 1, 256 * 1024);
        long Allocated(byte[] image)
        {
            store.Replace("img", image, 0, image.Length);
            var verifier = new ImageVerifier(store, Key, 1024);
            Assert.AreEqual(ImageStatus.Ok, verifier.Verify("img", OtaVectors.Policy()));
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.AreEqual(ImageStatus.Ok, verifier.Verify("img", OtaVectors.Policy()));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // 248 more chunks must cost no more bytes than the small image (per-image allocations only).
        Assert.AreEqual(Allocated(small), Allocated(big));
    }

    private static ImageStatus Check(byte[] image)
    {
        var store = new SimulatedFileStore();
        store.Replace("img", image, 0, image.Length);
        return new ImageVerifier(store, Key, 1024).Verify("img", OtaVectors.Policy());
    }
}
