using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>The OTA decoders return a status on any input; they never throw.</summary>
[TestClass]
public sealed class DecoderFuzzTests
{
    [TestMethod]
    public void Decoders_RandomBytes_NeverThrow()
    {
        Gen.Byte.Array[0, 700].Sample(bytes =>
        {
            new ImageHeader().Parse(bytes, 0, bytes.Length);
            new PayloadManifest().Parse(bytes, 0, bytes.Length, bytes.Length);
            new SlotState().Decode(bytes, bytes.Length);
            OtaCommand.Decode(bytes, bytes.Length);
        }, iter: 2000);
    }

    [TestMethod]
    public void ManifestOfAVector_EveryTruncationAndMutation_NeverThrows()
    {
        byte[] image = OtaVectors.Read("two-files.snimg");
        var header = new ImageHeader();
        Assert.AreEqual(ImageStatus.Ok, header.Parse(image, 0, image.Length));
        byte[] payload = image[header.HeaderSize..header.SignedLength];
        var manifest = new PayloadManifest();
        Assert.AreEqual(ImageStatus.Ok, manifest.Parse(payload, 0, payload.Length, payload.Length));
        for (int n = 0; n < manifest.Length; n++)
        {
            Assert.AreEqual(ImageStatus.ManifestInvalid, manifest.Parse(payload, 0, n, payload.Length), "length " + n);
        }

        Gen.Select(Gen.Int[0, manifest.Length - 1], Gen.Byte[1, 255]).Sample((position, mask) =>
        {
            byte[] p = (byte[])payload.Clone();
            p[position] ^= mask;
            new PayloadManifest().Parse(p, 0, p.Length, p.Length);
        }, iter: 1000);
    }
}
