using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;
using SensorNode.Host.Provisioning;

namespace SensorNode.Tests.Provisioning;

/// <summary>The per-frame path (decode, CRC, dispatch, encode, answer) allocates nothing once constructed.</summary>
[TestClass]
public sealed class AllocationTests
{
    [TestMethod]
    public void Session_HelloInfoGetConfigAndGarbage_AllocateNothingPerFrame()
    {
        byte[] garbage = new byte[700];
        new Random(3).NextBytes(garbage);
        AssertNoAllocationPerFrame(
            garbage,
            Wire(Requests.Build(ProvisioningCommand.Hello, 1, default)),
            Wire(Requests.Build(ProvisioningCommand.Info, 2, default)),
            Wire(Requests.Build(ProvisioningCommand.GetConfig, 3, new byte[] { 1 })),
            Wire(Requests.Build(ProvisioningCommand.Validate, 4, default)),
            Wire(Requests.Build((ProvisioningCommand)0x77, 5, default)));
    }

    [TestMethod]
    public void Session_RemoveFileAndDiscardStaged_AllocateNothingPerFrame()
    {
        AssertNoAllocationPerFrame(
            Array.Empty<byte>(),
            Wire(Requests.Build(ProvisioningCommand.RemoveFile, 1, new byte[] { 43 })),
            Wire(Requests.Build(ProvisioningCommand.RemoveFile, 2, new byte[] { 44 })),
            Wire(Requests.Build(ProvisioningCommand.RemoveFile, 3, default)),
            Wire(Requests.Build(ProvisioningCommand.DiscardStaged, 4, default)));
    }

    /// <summary>
    /// A session over a committed configuration is fed every frame (then the garbage) 50 times to warm up, then 1000
    /// times more: each frame must be answered, and nothing may be allocated on the way.
    /// </summary>
    private static void AssertNoAllocationPerFrame(byte[] garbage, params byte[][] frames)
    {
        var store = new SimulatedFileStore();
        var config = new NodeConfig { NodeId = "alloc", WifiSsid = "w", BrokerHost = "b", UseTls = false };
        Assert.AreEqual(ProvisioningStatus.Ok, new ConfigStore(store).Commit(config, new ConfigProblem()));
        var session = new ProvisioningSession(new CountingLink(), new TestClock(), new ProvisioningConsole(store, Fixtures.Identity));

        void Round()
        {
            foreach (byte[] f in frames)
            {
                for (int i = 0; i < f.Length; i++)
                {
                    session.Feed(f[i]);
                }
            }

            for (int i = 0; i < garbage.Length; i++)
            {
                session.Feed(garbage[i]);
            }
        }

        for (int i = 0; i < 50; i++)
        {
            Round();
        }

        int answered = session.FramesAnswered;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Round();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(1000 * frames.Length, session.FramesAnswered - answered);
        Assert.AreEqual(0L, allocated, $"bytes allocated over {1000 * frames.Length} answered frames");
    }

    private static byte[] Wire(byte[] message)
    {
        var wire = new byte[ProvisioningLimits.MaxEncodedBytes];
        int n = FrameEncoder.Encode(message, 0, message.Length, wire, 0);
        return wire.AsSpan(0, n).ToArray();
    }

    private sealed class CountingLink : ISerialLink
    {
        public long Bytes;

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;

        public void Write(byte[] buffer, int offset, int count) => Bytes += count;
    }
}
