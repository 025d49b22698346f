using SensorNode.Core.Checksums;
using nanoFramework.TestFramework;
using NFUnitTest.Telemetry;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Provisioning
{
    /// <summary>remove-file (docs/spec/provisioning.md §4.9) on the console, and its named vector, on nanoCLR.</summary>
    [TestClass]
    public class RemoveFileTests
    {
        /// <summary>Sends remove-file for a field id; asserts Ok and the one-byte answer.</summary>
        private static void Remove(ProvisioningConsole console, int field, int expectedFlags, byte[] r)
        {
            int n = ConsoleRequest.Send(console, ProvisioningCommand.RemoveFile, new byte[] { (byte)field }, r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(6, n);
            Assert.AreEqual(expectedFlags, (int)r[5]);
        }

        /// <summary>Commits a TLS configuration with all four files (generation 1) on store.</summary>
        private static void CommitAllFiles(SimulatedFileStore store)
        {
            NodeConfig c = Examples.Config("full");
            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                Examples.Stage(store, c, kind, Examples.File(100 + kind, kind));
            }

            ConfigProblem p = new ConfigProblem();
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)new ConfigStore(store).Commit(c, p));
        }

        private static NodeConfig Load(SimulatedFileStore store)
        {
            NodeConfig loaded = new NodeConfig();
            Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)new ConfigStore(store).Load(loaded));
            return loaded;
        }

        [TestMethod]
        public void RemoveFile_CertAndKeyThenCommit_FilesGoneAndTheRestKept()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitAllFiles(store);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            Remove(console, 41, 0x01, r);
            Remove(console, 42, 0x01, r);
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(2, (int)Wire.ReadU32(r, 5));
            NodeConfig loaded = Load(store);
            Assert.AreEqual(string.Empty, loaded.ClientCertificateFile);
            Assert.AreEqual(string.Empty, loaded.ClientKeyFile);
            Assert.AreEqual("ca.1.pem", loaded.CaCertificateFile);
            Assert.AreEqual("ota.1.pem", loaded.OtaPublicKeyFile);
            Assert.AreEqual("full", loaded.NodeId);
            Assert.AreEqual(300, loaded.SampleIntervalSeconds);

            // config.bak (version 1) still references them; the next commit overwrites that backup and deletes them.
            Assert.AreEqual(101, store.Length("cert.1.pem"));
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(-1, store.Length("cert.1.pem"));
            Assert.AreEqual(-1, store.Length("key.1.pem"));
            Assert.AreEqual(100, store.Length("ca.1.pem"));
        }

        [TestMethod]
        public void RemoveFile_OtaPublicKeyThenCommit_TheLoaderUsesTheBuildsKey()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitAllFiles(store);
            Assert.AreEqual("ota.1.pem", new ProvisionedKeyFile(store).Find());
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            Remove(console, 43, 0x01, r);
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(string.Empty, Load(store).OtaPublicKeyFile);
            Assert.AreEqual(string.Empty, new ProvisionedKeyFile(store).Find());
        }

        [TestMethod]
        public void RemoveFile_CaWhileTlsIsOn_CommitRefusedAndNothingChanged()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitAllFiles(store);
            byte[] before = new byte[store.Length(ConfigStore.CurrentName)];
            store.Read(ConfigStore.CurrentName, 0, before, 0, before.Length);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            Remove(console, 40, 0x01, r);
            ConsoleRequest.Send(console, ProvisioningCommand.Validate, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.MissingValue, (int)r[4]);
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.MissingValue, (int)r[4]);
            Assert.AreEqual(40, (int)r[5]);
            byte[] after = new byte[store.Length(ConfigStore.CurrentName)];
            store.Read(ConfigStore.CurrentName, 0, after, 0, after.Length);
            Assert.AreEqual(TestText.ToHex(before, before.Length), TestText.ToHex(after, after.Length));
            Assert.AreEqual(-1, store.Length(ConfigStore.BackupName));
            Assert.AreEqual(100, store.Length("ca.1.pem"));
            Assert.AreEqual("ca.1.pem", console.Committed.CaCertificateFile);
        }

        [TestMethod]
        public void RemoveFile_CertificateWithoutKey_IsInconsistentAtValidate()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitAllFiles(store);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            Remove(console, 41, 0x01, r);
            ConsoleRequest.Send(console, ProvisioningCommand.Validate, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.Inconsistent, (int)r[4]);
            Assert.AreEqual(42, (int)r[5]);
        }

        [TestMethod]
        public void RemoveFile_ThenDiscardStaged_TheFileIsKept()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitAllFiles(store);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            Remove(console, 43, 0x01, r);
            ConsoleRequest.Send(console, ProvisioningCommand.DiscardStaged, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);

            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual("ota.1.pem", Load(store).OtaPublicKeyFile);
            Assert.AreEqual(103, store.Length("ota.1.pem"));
        }

        [TestMethod]
        public void RemoveFile_NothingCommitted_IsOkAndDropsAStagedUpload()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            // Never committed, nothing staged: a no-op.
            Remove(console, 43, 0x00, r);

            // A transfer in progress of that kind ends and its staged upload is deleted.
            byte[] file = Examples.File(200, 5);
            byte[] begin = new byte[9];
            begin[0] = 43;
            Wire.WriteU32(begin, 1, (uint)file.Length);
            Wire.WriteU32(begin, 5, Crc32.Compute(file, 0, file.Length));
            ConsoleRequest.Send(console, ProvisioningCommand.FileBegin, begin, r);
            byte[] chunk = new byte[5 + 100];
            chunk[0] = 43;
            System.Array.Copy(file, 0, chunk, 5, 100);
            ConsoleRequest.Send(console, ProvisioningCommand.FileChunk, chunk, r);
            Assert.AreEqual(100, store.Length("ota.stage"));

            Remove(console, 43, 0x02, r);

            Assert.AreEqual(-1, store.Length("ota.stage"));
            ConsoleRequest.Send(console, ProvisioningCommand.FileEnd, new byte[] { 43 }, r);
            Assert.AreEqual((int)ProvisioningStatus.NoTransfer, (int)r[4]);
        }

        [TestMethod]
        public void RemoveFile_BadKindOrBody_IsRefusedAndChangesNothing()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitAllFiles(store);
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];

            ConsoleRequest.Send(console, ProvisioningCommand.RemoveFile, new byte[] { 39 }, r);
            Assert.AreEqual((int)ProvisioningStatus.UnknownFileKind, (int)r[4]);
            Assert.AreEqual(39, (int)r[5]);
            ConsoleRequest.Send(console, ProvisioningCommand.RemoveFile, new byte[] { 44 }, r);
            Assert.AreEqual((int)ProvisioningStatus.UnknownFileKind, (int)r[4]);
            ConsoleRequest.Send(console, ProvisioningCommand.RemoveFile, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Malformed, (int)r[4]);
            ConsoleRequest.Send(console, ProvisioningCommand.RemoveFile, new byte[] { 40, 41 }, r);
            Assert.AreEqual((int)ProvisioningStatus.Malformed, (int)r[4]);

            // Nothing was staged: a commit keeps every file.
            ConsoleRequest.Send(console, ProvisioningCommand.Commit, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            NodeConfig loaded = Load(store);
            Assert.AreEqual("ca.1.pem", loaded.CaCertificateFile);
            Assert.AreEqual("cert.1.pem", loaded.ClientCertificateFile);
        }

        [TestMethod]
        public void RemoveFileVector_ReplayedThroughASession_GivesTheExactAnswers()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ProvisioningConsole console = new ProvisioningConsole(store, ConsoleRequest.Identity);
            CaptureSerialLink link = new CaptureSerialLink();
            ProvisioningSession session = new ProvisioningSession(link, new ManualClock(), console);
            byte[] wire = RemoveFileVector.Wire;
            ushort[] lengths = RemoveFileVector.Lengths;
            int at = 0;
            for (int i = 0; i + 1 < lengths.Length; i += 2)
            {
                link.Clear();
                for (int b = 0; b < lengths[i]; b++)
                {
                    session.Feed(wire[at + b]);
                }

                at += lengths[i];
                Assert.AreEqual((int)lengths[i + 1], link.Count);
                for (int b = 0; b < lengths[i + 1]; b++)
                {
                    Assert.AreEqual((int)wire[at + b], (int)link.Output[b]);
                }

                at += lengths[i + 1];
            }

            Assert.AreEqual(50, lengths.Length);
            Assert.AreEqual(wire.Length, at);
            // The vector ends with the certificate and key removed and committed.
            Assert.IsTrue(console.IsProvisioned);
            Assert.AreEqual(string.Empty, console.Committed.ClientCertificateFile);
            Assert.AreEqual(string.Empty, console.Committed.ClientKeyFile);
            Assert.AreEqual("ca.1.pem", console.Committed.CaCertificateFile);
        }
    }
}
