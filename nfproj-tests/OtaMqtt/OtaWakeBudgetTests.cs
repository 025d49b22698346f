using nanoFramework.TestFramework;
using NFUnitTest.Ota;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;

namespace NFUnitTest.OtaMqtt
{
    /// <summary>The deep-sleep awake extension for updates (docs/spec/mqtt.md §11.5): bounded, and enough to finish over several wakes.</summary>
    [TestClass]
    public class OtaWakeBudgetTests
    {
        private const string Url = "http://updates.example/app.snimg";

        [TestMethod]
        public void NothingToDo_NoExtension_NoBytes()
        {
            var store = new SimulatedFileStore();
            var budget = new OtaWakeBudget(10000, 500, 60000);
            Assert.AreEqual(0, budget.ExtraMilliseconds(Updater(store, new SimulatedHttpRange(new byte[0])), false));
            Assert.AreEqual(0, budget.ByteBudget(0));
            Assert.AreEqual(1000L, OtaWakeBudget.ExtendedDeadline(1000, 0));
        }

        [TestMethod]
        public void NewOrder_OfUnknownSize_GetsTheCap_NeverMore()
        {
            var store = new SimulatedFileStore();
            OtaUpdater updater = Updater(store, new SimulatedHttpRange(new byte[0]));
            Assert.AreEqual(60000, new OtaWakeBudget(10000, 500, 60000).ExtraMilliseconds(updater, true));
            Assert.AreEqual(2000, new OtaWakeBudget(1, 500, 2000).ExtraMilliseconds(updater, true));
            int fast = new OtaWakeBudget(int.MaxValue, 500, 600000).ExtraMilliseconds(updater, true);
            Assert.IsTrue(fast >= 500 && fast < 600000, "largest image at a fast link is under the cap");
            Assert.AreEqual(21000L, OtaWakeBudget.ExtendedDeadline(1000, 20000));
        }

        [TestMethod]
        public void ByteBudget_KeepsTheVerifyTime_AndCoversTheEstimateItCameFrom()
        {
            var budget = new OtaWakeBudget(3000, 700, 60000);
            Assert.AreEqual(0, budget.ByteBudget(500), "shorter than the verification");
            Assert.IsTrue(budget.ByteBudget(1700) >= 3000, "one second of download");
            Assert.IsTrue(budget.ByteBudget(1700) <= 3000 + 10);
            for (int remaining = 1; remaining < 20000; remaining += 997)
            {
                int extra = (int)((long)remaining * 1000 / 3000) + 700;
                Assert.IsTrue(budget.ByteBudget(extra) >= remaining, "rounding never leaves bytes behind: " + remaining);
            }
        }

        [TestMethod]
        public void DeepSleepingNode_FinishesTheOrderOverSeveralWakes_EachWithinTheCap()
        {
            byte[] image = Hex.Parse(ImageVerifierVectorTests.Minimal);
            var store = new SimulatedFileStore();
            var state = new SlotState { ConfirmedSlot = 0 };
            new SlotStateStore(store).Save(state);
            var http = new SimulatedHttpRange(image);

            // 100 bytes/s, 1 s to verify, at most 3 s more per wake: about 200 bytes per wake.
            var budget = new OtaWakeBudget(100, 1000, 3000);
            OtaCommand order;
            string reason;
            Assert.IsTrue(OtaCommand.TryCreate(Url, "1.0.0", Sha(image), out order, out reason));

            OtaUpdater updater = Updater(store, http);
            int extra = budget.ExtraMilliseconds(updater, true);
            Assert.AreEqual(3000, extra);
            Assert.AreEqual((int)OtaOutcome.Suspended, (int)updater.Start(order, budget.ByteBudget(extra)));
            int wakes = 1;
            OtaOutcome outcome = OtaOutcome.Suspended;
            while (outcome == OtaOutcome.Suspended && wakes < 20)
            {
                updater = Updater(store, http); // every wake is a fresh boot
                extra = budget.ExtraMilliseconds(updater, false);
                Assert.IsTrue(extra > 0 && extra <= 3000, "bounded extension: " + extra);
                outcome = updater.Continue(budget.ByteBudget(extra));
                wakes++;
            }

            Assert.AreEqual((int)OtaOutcome.Installed, (int)outcome);
            Assert.IsTrue(wakes >= image.Length / 202, "needed several wakes: " + wakes);
            Assert.IsTrue(http.Requests >= wakes, "each wake resumed the download");
            Assert.AreEqual(0, budget.ExtraMilliseconds(Updater(store, http), false), "nothing left after installing");
        }

        private static OtaUpdater Updater(IFileStore store, IHttpRange http)
        {
            ImagePolicy policy = new ImagePolicy("esp32-devkitc", new FirmwareAssembly[] { new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0x1234ABCD) }, 0);
            var verifier = new ImageVerifier(store, new RsaPublicKey(Hex.Parse(ImageVerifierVectorTests.TestModulus)), 256);
            return new OtaUpdater(store, http, new NullReporter(), verifier, policy, 64);
        }

        private static string Sha(byte[] image)
        {
            var header = new ImageHeader();
            header.Parse(image, 0, image.Length < ImageFormat.MaxHeaderLength ? image.Length : ImageFormat.MaxHeaderLength);
            return Hex.Format(header.PayloadSha256);
        }

        private sealed class NullReporter : IOtaReporter
        {
            public void Downloading(string version, int percent, int bytes, int totalBytes)
            {
            }

            public void Verifying(string version)
            {
            }

            public void Trial(string version)
            {
            }

            public void Confirmed(string version)
            {
            }

            public void Rejected(string version, string reason)
            {
            }

            public void Failed(string version, string reason)
            {
            }

            public void RolledBack(string version, string reason)
            {
            }
        }
    }
}
