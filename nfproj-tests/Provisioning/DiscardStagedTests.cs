using SensorNode.Core.Checksums;
using nanoFramework.TestFramework;
using NFUnitTest.Telemetry;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Provisioning
{
    /// <summary>discard-staged (docs/spec/provisioning.md §4.7) on the console, and its named vector, on nanoCLR.</summary>
    [TestClass]
    public class DiscardStagedTests
    {
        /// <summary>file-begin and one chunk of a file of kind 40 + kind; with whole, file-end too.</summary>
        private static void Stage(ProvisioningConsole console, int kind, byte[] file, bool whole, byte[] r)
        {
            byte[] begin = new byte[9];
            begin[0] = (byte)(40 + kind);
            Wire.WriteU32(begin, 1, (uint)file.Length);
            Wire.WriteU32(begin, 5, Crc32.Compute(file, 0, file.Length));
            ConsoleRequest.Send(console, ProvisioningCommand.FileBegin, begin, r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            int n = whole ? file.Length : file.Length / 2;
            byte[] chunk = new byte[5 + n];
            chunk[0] = (byte)(40 + kind);
            System.Array.Copy(file, 0, chunk, 5, n);
            ConsoleRequest.Send(console, ProvisioningCommand.FileChunk, chunk, r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            if (whole)
            {
                ConsoleRequest.Send(console, ProvisioningCommand.FileEnd, new byte[] { (byte)(40 + kind) }, r);
                Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            }
        }

        [TestMethod]
        public void DiscardStaged_ProvisionedNode_DeletesStagedFilesAndKeepsTheCommittedConfiguration()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            Examples.CommitWithCa(store, "kept", 3);
            int blobLength = store.Length(ConfigStore.CurrentName);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];
            Stage(console, 0, Examples.File(400, 9), true, r);
            Stage(console, 2, Examples.File(300, 4), false, r);

            int n = ConsoleRequest.Send(console, ProvisioningCommand.DiscardStaged, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(6, n);
            Assert.AreEqual(0x05, (int)r[5]);
            Assert.AreEqual(-1, store.Length("ca.stage"));
            Assert.AreEqual(-1, store.Length("key.stage"));
            Assert.AreEqual(700, store.Length("ca.1.pem"));
            Assert.AreEqual(blobLength, store.Length(ConfigStore.CurrentName));
            Assert.AreEqual("kept", console.Committed.NodeId);

            // The transfer ended: the rest of the key is refused.
            byte[] chunk = new byte[5 + 10];
            chunk[0] = 42;
            Wire.WriteU32(chunk, 1, 150);
            ConsoleRequest.Send(console, ProvisioningCommand.FileChunk, chunk, r);
            Assert.AreEqual((int)ProvisioningStatus.NoTransfer, (int)r[4]);

            // A commit now persists the committed configuration again, with its CA, not the discarded one.
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            NodeConfig loaded = new NodeConfig();
            Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)new ConfigStore(store).Load(loaded));
            Assert.AreEqual("kept", loaded.NodeId);
            Assert.AreEqual("ca.1.pem", loaded.CaCertificateFile);
            Assert.AreEqual(string.Empty, loaded.ClientKeyFile);
        }

        [TestMethod]
        public void DiscardStaged_FileStagedBeforeAReboot_IsDeleted()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            byte[] left = Examples.File(100, 2);
            store.Replace(FileSet.StagedName(1), left, 0, left.Length);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            ConsoleRequest.Send(console, ProvisioningCommand.DiscardStaged, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(0x02, (int)r[5]);
            Assert.AreEqual(-1, store.Length("cert.stage"));
            Assert.IsFalse(console.IsProvisioned);
        }

        [TestMethod]
        public void DiscardStaged_WithABody_IsMalformedAndDiscardsNothing()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];
            Stage(console, 3, Examples.File(64, 1), true, r);

            ConsoleRequest.Send(console, ProvisioningCommand.DiscardStaged, new byte[] { 0 }, r);

            Assert.AreEqual((int)ProvisioningStatus.Malformed, (int)r[4]);
            Assert.AreEqual(64, store.Length("ota.stage"));
        }

        [TestMethod]
        public void DiscardStagedVector_ReplayedThroughASession_GivesTheExactAnswers()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            CaptureSerialLink link = new CaptureSerialLink();
            ProvisioningSession session = new ProvisioningSession(link, new ManualClock(), console);
            string[] lines = DiscardStagedVector.Lines;
            int requests = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.AreEqual((int)'>', (int)lines[i][0]);
                link.Clear();
                byte[] wire = TestText.Hex(lines[i].Substring(2));
                for (int b = 0; b < wire.Length; b++)
                {
                    session.Feed(wire[b]);
                }

                requests++;
                string expected = i + 1 < lines.Length && lines[i + 1][0] == '<' ? lines[++i].Substring(2) : string.Empty;
                Assert.AreEqual(expected, TestText.ToHex(link.Output, link.Count));
            }

            Assert.AreEqual(15, requests);
            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                Assert.AreEqual(-1, store.Length(FileSet.StagedName(kind)));
            }
        }
    }
}
