using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;
using SensorNode.Host.Storage;

namespace SensorNode.Tests.Ota;

/// <summary>
/// The download's deadlines on the node's clock (docs/spec/ota-slots.md §5.3), with a drip-feeding server
/// that never stalls long enough for one read deadline: the order's deadline ends it, reported failed/timeout.
/// The clock is simulated and advanced by the server, so no test waits.
/// </summary>
[TestClass]
public sealed class OtaDeadlineTests
{
    private static readonly byte[] V1 = OtaImageBuilderHelper.Image(OtaVectors.PrivateKey(), 1, 0, 0, 5, 4000);
    private static readonly byte[] V2 = OtaImageBuilderHelper.Image(OtaVectors.PrivateKey(), 2, 0, 0, 6, 20000);

    [TestMethod]
    public void DripFeedingServer_HitsTheOrderDeadline_AndTheOrderFailsWithTimeout()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sn-ota-deadline-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new DirectoryFileStore(dir);
            OtaNode.Install(store, 0, V1);
            var clock = new SimulatedClock();
            var drip = new DripHttpRange(V2, clock, millisecondsPerByte: 900);
            var node = new OtaNode(store, drip, OtaVectors.PublicKey());
            node.Updater.Clock = clock;
            node.Updater.ReadTimeoutMilliseconds = 1000;
            node.Updater.OrderTimeoutMilliseconds = 60_000;
            var header = new ImageHeader();
            header.Parse(V2, 0, ImageFormat.MaxHeaderLength);

            OtaOutcome outcome = node.Updater.Handle("http://updates.local/v2.snimg", "2.0.0", Convert.ToHexStringLower(header.PayloadSha256), int.MaxValue);

            Assert.AreEqual(OtaOutcome.Failed, outcome);
            Assert.AreEqual("failed 2.0.0 timeout", node.Reporter.Events[^1]);
            Assert.IsTrue(drip.Served < V2.Length, $"served {drip.Served} of {V2.Length}");
            Assert.IsTrue(clock.MonotonicMilliseconds <= 60_000 + 1000, $"clock at {clock.MonotonicMilliseconds} ms");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void ReadDeadline_IsPassedToEveryRead_AndNeverExceedsWhatIsLeftOfTheOrder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sn-ota-deadline-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new DirectoryFileStore(dir);
            OtaNode.Install(store, 0, V1);
            var clock = new SimulatedClock();
            var drip = new DripHttpRange(V2, clock, millisecondsPerByte: 300);
            var node = new OtaNode(store, drip, OtaVectors.PublicKey());
            node.Updater.Clock = clock;
            node.Updater.ReadTimeoutMilliseconds = 5000;
            node.Updater.OrderTimeoutMilliseconds = 12_000;
            var header = new ImageHeader();
            header.Parse(V2, 0, ImageFormat.MaxHeaderLength);

            node.Updater.Handle("http://updates.local/v2.snimg", "2.0.0", Convert.ToHexStringLower(header.PayloadSha256), int.MaxValue);

            Assert.AreEqual(5000, drip.FirstTimeout);
            Assert.IsTrue(drip.SmallestTimeout < 5000, $"smallest deadline given {drip.SmallestTimeout}");
            Assert.IsTrue(drip.SmallestTimeout >= 0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Hostile: serves one byte per read and takes <c>millisecondsPerByte</c> of the node's clock for it.</summary>
    private sealed class DripHttpRange(byte[] body, SimulatedClock clock, int millisecondsPerByte) : IHttpRange
    {
        private int _position = -1;

        public int Served { get; private set; }

        public int FirstTimeout { get; private set; } = -1;

        public int SmallestTimeout { get; private set; } = int.MaxValue;

        public HttpRangeStatus Open(string url, int offset, out int totalLength)
        {
            totalLength = body.Length;
            _position = offset;
            return offset > 0 ? HttpRangeStatus.Partial : HttpRangeStatus.Whole;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            FirstTimeout = FirstTimeout < 0 ? timeoutMilliseconds : FirstTimeout;
            SmallestTimeout = Math.Min(SmallestTimeout, timeoutMilliseconds);
            if (_position < 0 || _position >= body.Length)
            {
                return _position < 0 ? -1 : 0;
            }

            clock.Advance(millisecondsPerByte);
            buffer[offset] = body[_position++];
            Served++;
            return 1;
        }

        public void Close() => _position = -1;
    }
}
