using SensorNode.Core.Checksums;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Provisioning;

/// <summary>The named vectors of docs/spec/provisioning.md §8, replayed against the core.</summary>
[TestClass]
public sealed class VectorTests
{
    private static string VectorPath(string name) => Path.Combine(AppContext.BaseDirectory, "vectors", "provisioning", name);

    public static IEnumerable<object[]> Transcripts() => new[] { "hello", "full-session", "errors", "discard-staged", "remove-file" }.Select(n => new object[] { n });

    [TestMethod]
    [DynamicData(nameof(Transcripts))]
    public void Transcript_ReplayedAgainstConsole_ProducesExactResponses(string name)
    {
        var store = new SimulatedFileStore();
        var console = new ProvisioningConsole(store, Fixtures.Identity);
        var link = new CaptureLink();
        var session = new ProvisioningSession(link, new TestClock(), console);
        string[] lines = File.ReadAllLines(VectorPath(name + ".txt")).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        int requests = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.IsTrue(lines[i].StartsWith("> ", StringComparison.Ordinal), $"{name}: line {i} should be a request");
            link.Output.Clear();
            foreach (byte b in Convert.FromHexString(lines[i].Substring(2)))
            {
                session.Feed(b);
            }

            requests++;
            string expected = i + 1 < lines.Length && lines[i + 1].StartsWith("< ", StringComparison.Ordinal) ? lines[++i].Substring(2) : string.Empty;
            Assert.AreEqual(expected, Convert.ToHexString(link.Output.ToArray()).ToLowerInvariant(), $"{name}: response to request {requests}");
        }

        Assert.IsTrue(requests >= 3);
        if (name == "full-session")
        {
            Assert.IsTrue(console.IsProvisioned);
            Assert.IsTrue(console.RebootRequested);
            Assert.AreEqual("greenhouse-1", console.Committed.NodeId);
        }

        if (name == "discard-staged")
        {
            // The ca.stage of seq 7..8 was discarded at seq 9 and nothing was staged since.
            Assert.IsFalse(console.IsProvisioned);
            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                Assert.AreEqual(-1, store.Length(FileSet.StagedName(kind)), FileSet.StagedName(kind));
            }
        }

        if (name == "remove-file")
        {
            // Commit 2 removed the client certificate and key and kept the CA; commit 1's files stay for config.bak.
            Assert.AreEqual(2, console.Committed.ConfigVersion);
            Assert.AreEqual("ca.1.pem", console.Committed.CaCertificateFile);
            Assert.AreEqual(string.Empty, console.Committed.ClientCertificateFile);
            Assert.AreEqual(string.Empty, console.Committed.ClientKeyFile);
            var loaded = new SensorNode.Core.Config.NodeConfig();
            Assert.AreEqual(ConfigLoadStatus.Loaded, new ConfigStore(store).Load(loaded));
            Assert.AreEqual(string.Empty, loaded.ClientCertificateFile);
        }
    }

    [TestMethod]
    public void NanoTestCopyOfDiscardStaged_EqualsTheVectorFile() => NanoCopyEqualsVector("DiscardStagedVector.cs", "discard-staged.txt");

    [TestMethod]
    public void NanoTestCopyOfRemoveFile_EqualsTheVectorFile()
    {
        // The nano copy is one byte array, a frame a line followed by "// >" or "// <", and the frame lengths.
        string source = File.ReadAllText(Repo.Path("nfproj-tests", "Provisioning", "RemoveFileVector.cs"));
        var matches = System.Text.RegularExpressions.Regex.Matches(source, @"^\s+((?:0x[0-9a-f]{2}, )+)// ([<>])\r?$", System.Text.RegularExpressions.RegexOptions.Multiline);
        string[][] frames = matches.Select(m => m.Groups[1].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(b => b.Substring(2)).ToArray()).ToArray();
        string[] copy = matches.Select((m, i) => m.Groups[2].Value + " " + string.Concat(frames[i])).ToArray();
        var lengths = System.Text.RegularExpressions.Regex.Match(source, @"Lengths = new ushort\[\] \{ ([0-9, ]+) \}").Groups[1].Value
            .Split(", ").Select(int.Parse).ToArray();
        CollectionAssert.AreEqual(frames.Select(f => f.Length).ToArray(), lengths, "Lengths must give each frame's length");
        string[] file = File.ReadAllLines(VectorPath("remove-file.txt")).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Assert.AreEqual(50, file.Length);
        CollectionAssert.AreEqual(file, copy);
    }

    private static void NanoCopyEqualsVector(string copyName, string vectorName)
    {
        string source = File.ReadAllText(Repo.Path("nfproj-tests", "Provisioning", copyName));
        string[] copy = System.Text.RegularExpressions.Regex.Matches(source, "\"([<>] [0-9a-f]+)\"").Select(m => m.Groups[1].Value).ToArray();
        string[] file = File.ReadAllLines(VectorPath(vectorName)).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        CollectionAssert.AreEqual(file, copy);
    }

    [TestMethod]
    public void Frames_EncodeToVectorAndDecodeBack()
    {
        string[] rows = File.ReadAllLines(VectorPath("frames.txt")).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Assert.AreEqual(7, rows.Length);
        var wire = new byte[ProvisioningLimits.MaxEncodedBytes];
        foreach (string row in rows)
        {
            string[] parts = row.Split(' ');
            byte[] message = parts[1] == "-" ? Array.Empty<byte>() : Convert.FromHexString(parts[1]);
            int n = FrameEncoder.Encode(message, 0, message.Length, wire, 0);
            Assert.AreEqual(parts[2], Convert.ToHexString(wire, 0, n).ToLowerInvariant(), parts[0]);
            var decoder = new FrameDecoder(new TestClock());
            FrameStatus last = FrameStatus.NeedMore;
            foreach (byte b in Convert.FromHexString(parts[2]))
            {
                FrameStatus s = decoder.Feed(b);
                last = s == FrameStatus.NeedMore ? last : s;
            }

            Assert.AreEqual(message.Length == 0 ? FrameStatus.TooShort : FrameStatus.Ready, last, parts[0]);
            CollectionAssert.AreEqual(message, decoder.Buffer.AsSpan(0, message.Length == 0 ? 0 : decoder.MessageLength).ToArray(), parts[0]);
        }
    }

    [TestMethod]
    public void Crc_CheckValue_MatchesCatalogueAndBitwiseReference()
    {
        byte[] check = "123456789"u8.ToArray();
        Assert.AreEqual(0xCBF43926u, Crc32.Compute(check, 0, check.Length));
        var random = new Random(6);
        for (int i = 0; i < 200; i++)
        {
            var data = new byte[random.Next(0, 600)];
            random.NextBytes(data);
            Assert.AreEqual(BitwiseCrc(data), Crc32.Compute(data, 0, data.Length));
        }
    }

    /// <summary>CRC-32/ISO-HDLC straight from its parameters (poly 0x04C11DB7 reflected, init/xorout all ones).</summary>
    private static uint BitwiseCrc(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                bool mix = ((crc ^ (uint)(b >> bit)) & 1) != 0;
                crc >>= 1;
                if (mix)
                {
                    crc ^= ReflectedPoly;
                }
            }
        }

        return ~crc;
    }

    private static readonly uint ReflectedPoly = Reflect(0x04C11DB7);

    private static uint Reflect(uint v)
    {
        uint r = 0;
        for (int i = 0; i < 32; i++)
        {
            r |= ((v >> i) & 1) << (31 - i);
        }

        return r;
    }
}
