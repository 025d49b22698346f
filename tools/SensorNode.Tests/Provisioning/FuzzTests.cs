using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;
using SensorNode.Host.Provisioning;
using SensorNode.Host.Storage;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// Garbage never harms a node: seeded random and mutated frames (no crash, no configuration change, the
/// console still answers hello). Random well-framed messages exclude commit and factory-reset, the two
/// requests whose purpose is to change the stored configuration.
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private const int InProcessFrames = 100_000;
    private const int PtyFrames = 2_000;

    [TestMethod]
    public void InProcess_100000RandomAndMutatedFrames_NoCrashNoChangeStillAnswers()
    {
        var store = new SimulatedFileStore();
        var console = Provisioned(store);
        NodeConfig before = Fixtures.Load(store);
        byte[] blobBefore = Blob(store);
        var link = new CaptureLink();
        var clock = new TestClock();
        var session = new ProvisioningSession(link, clock, console);
        var random = new Random(20261127);
        var seeds = SeedFrames();
        long bytes = 0;
        for (int i = 0; i < InProcessFrames; i++)
        {
            byte[] frame = NextFrame(random, seeds);
            foreach (byte b in frame)
            {
                session.Feed(b);
                clock.Now += random.Next(0, 50) == 0 ? 600 : 0;
            }

            bytes += frame.Length;
            if (link.Output.Count > 1 << 20)
            {
                link.Output.Clear();
            }
        }

        Assert.IsTrue(bytes > InProcessFrames, "fed too little");
        Assert.IsTrue(session.FramesDropped > InProcessFrames / 2, $"only {session.FramesDropped} frames were dropped");
        Assert.IsTrue(session.FramesAnswered > 1000, $"only {session.FramesAnswered} frames reached the console");
        Assert.IsTrue(ConfigFields.AllEqual(before, Fixtures.Load(store)));
        CollectionAssert.AreEqual(blobBefore, Blob(store));
        AssertAnswersHello(session, link);
    }

    [TestMethod]
    public void OverPty_RandomAndMutatedFrames_NoChangeStillAnswersHello()
    {
        string dir = Fixtures.TempDirectory();
        try
        {
            using var pty = new PtyPair();
            var store = new DirectoryFileStore(Path.Combine(dir, "flash"));
            var console = Provisioned(store);
            byte[] blobBefore = Blob(store);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            Task node = Task.Run(() =>
            {
                using var nodeLink = new SerialPortLink(pty.NodeSide);
                try
                {
                    SerialConsoleHost.Serve(nodeLink, console, TextWriter.Null, cts.Token, stopWhenProvisioned: false);
                }
                catch (OperationCanceledException)
                {
                }
            });

            var random = new Random(7);
            var seeds = SeedFrames();
            using (var link = new SerialPortLink(pty.HostSide))
            {
                var drain = new byte[4096];
                for (int i = 0; i < PtyFrames; i++)
                {
                    byte[] frame = NextFrame(random, seeds);
                    link.Write(frame, 0, frame.Length);
                    if (i % 50 == 0)
                    {
                        while (link.Read(drain, 0, drain.Length, 1) > 0)
                        {
                        }
                    }
                }

                var client = new ProvisioningClient(link, timeoutMilliseconds: 3000, attempts: 5);
                Assert.AreEqual(1, client.Hello().Version);
                Assert.AreEqual("greenhouse-1", client.Info().NodeId);
            }

            cts.Cancel();
            node.Wait(TimeSpan.FromSeconds(60));
            CollectionAssert.AreEqual(blobBefore, Blob(store));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ProvisioningConsole Provisioned(SensorNode.Core.Ports.IFileStore store)
    {
        var console = new ProvisioningConsole(store, Fixtures.Identity);
        var link = new CaptureLink();
        var session = new ProvisioningSession(link, new TestClock(), console);
        foreach (byte[] frame in SeedFrames())
        {
            foreach (byte b in frame)
            {
                session.Feed(b);
            }
        }

        foreach (byte b in Encode(Requests.Build(ProvisioningCommand.Commit, 100, default)))
        {
            session.Feed(b);
        }

        Assert.IsTrue(console.IsProvisioned, "seed session did not provision");
        return console;
    }

    /// <summary>Valid request frames of a whole session (without commit): the material mutations start from.</summary>
    private static List<byte[]> SeedFrames()
    {
        var config = new NodeConfig
        {
            NodeId = "greenhouse-1", WifiSsid = "Greenhouse", WifiPassword = Fixtures.WifiPassword, BrokerHost = "broker.local",
            MqttUsername = "node", MqttPassword = Fixtures.MqttPassword,
        };
        byte[] ca = System.Text.Encoding.ASCII.GetBytes(Fixtures.Pem("CERTIFICATE", 5));
        var frames = new List<byte[]> { Encode(Requests.Build(ProvisioningCommand.Hello, 1, default)), Encode(Requests.Build(ProvisioningCommand.Info, 2, default)) };
        foreach (byte[] body in Requests.SetConfigBodies(config))
        {
            frames.Add(Encode(Requests.Build(ProvisioningCommand.SetConfig, 3, body)));
        }

        frames.Add(Encode(Requests.Build(ProvisioningCommand.FileBegin, 4, Requests.FileBeginBody(ConfigField.CaCertificate, ca))));
        frames.Add(Encode(Requests.Build(ProvisioningCommand.FileChunk, 5, Requests.FileChunkBody(ConfigField.CaCertificate, 0, ca))));
        frames.Add(Encode(Requests.Build(ProvisioningCommand.FileEnd, 6, new byte[] { 40 })));
        frames.Add(Encode(Requests.Build(ProvisioningCommand.Validate, 7, default)));
        frames.Add(Encode(Requests.Build(ProvisioningCommand.GetConfig, 8, new byte[] { 1 })));
        return frames;
    }

    private static byte[] NextFrame(Random random, List<byte[]> seeds)
    {
        switch (random.Next(6))
        {
            case 0:
            {
                // Pure noise, sometimes with delimiters.
                var noise = new byte[random.Next(1, 700)];
                random.NextBytes(noise);
                return noise;
            }

            case 1:
            {
                // Well-framed random message (valid CRC), any type except commit and factory-reset.
                var message = new byte[random.Next(0, 520)];
                random.NextBytes(message);
                if (message.Length > 1)
                {
                    message[0] = random.Next(4) == 0 ? message[0] : (byte)1;
                    while (message[1] == (byte)ProvisioningCommand.Commit || message[1] == (byte)ProvisioningCommand.FactoryReset)
                    {
                        message[1] = (byte)random.Next(256);
                    }
                }

                return message.Length > ProvisioningLimits.MaxMessageBytes ? message : Encode(message);
            }

            default:
            {
                byte[] frame = (byte[])seeds[random.Next(seeds.Count)].Clone();
                int edits = random.Next(1, 4);
                var list = new List<byte>(frame);
                for (int e = 0; e < edits && list.Count > 2; e++)
                {
                    int at = random.Next(1, list.Count - 1);
                    switch (random.Next(4))
                    {
                        case 0: list[at] ^= (byte)(1 << random.Next(8)); break;
                        case 1: list.RemoveAt(at); break;
                        case 2: list.Insert(at, (byte)random.Next(256)); break;
                        default: list.RemoveRange(at, list.Count - at); break;
                    }
                }

                return list.ToArray();
            }
        }
    }

    private static byte[] Encode(byte[] message)
    {
        var wire = new byte[ProvisioningLimits.MaxEncodedBytes];
        int n = FrameEncoder.Encode(message, 0, message.Length, wire, 0);
        return wire.AsSpan(0, n).ToArray();
    }

    private static byte[] Blob(SensorNode.Core.Ports.IFileStore store)
    {
        var blob = new byte[store.Length(ConfigStore.CurrentName)];
        store.Read(ConfigStore.CurrentName, 0, blob, 0, blob.Length);
        return blob;
    }

    private static void AssertAnswersHello(ProvisioningSession session, CaptureLink link)
    {
        // Whatever state the fuzz left, one delimiter and a valid hello get the hello answer.
        link.Output.Clear();
        session.Feed(0);
        foreach (byte b in Encode(Requests.Build(ProvisioningCommand.Hello, 0x4242, default)))
        {
            session.Feed(b);
        }

        var decoder = new FrameDecoder(new TestClock());
        Response? hello = null;
        foreach (byte b in link.Output)
        {
            if (decoder.Feed(b) == FrameStatus.Ready)
            {
                hello = new Response(decoder.Buffer.AsSpan(0, decoder.MessageLength).ToArray());
            }
        }

        Assert.IsNotNull(hello);
        Assert.AreEqual(ProvisioningCommand.Hello, hello.Command);
        Assert.AreEqual((ushort)0x4242, hello.Sequence);
        Assert.AreEqual(ProvisioningStatus.Ok, hello.Status);
    }
}
