using nanoFramework.TestFramework;
using NFUnitTest.Provisioning;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Ota
{
    /// <summary>
    /// The loader's one-record read of the configuration (config-blob.md §4.3) names the same OTA key file as the
    /// application's full ConfigStore.Load, in every state a commit can leave the store in.
    /// </summary>
    [TestClass]
    public class ProvisionedKeyFileTests
    {
        private const int OtaKeyKind = 3;

        private static void CommitWithKey(SimulatedFileStore store, string nodeId, int seed)
        {
            NodeConfig c = Examples.Config(nodeId);
            Examples.Stage(store, c, 0, Examples.File(700, seed));
            Examples.Stage(store, c, OtaKeyKind, Examples.File(400, seed));
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)new ConfigStore(store).Commit(c, new ConfigProblem()));
        }

        private static string AppView(SimulatedFileStore store)
        {
            NodeConfig loaded = new NodeConfig();
            new ConfigStore(store).Load(loaded);
            return loaded.OtaPublicKeyFile;
        }

        [TestMethod]
        public void Find_NothingProvisioned_ReturnsEmpty()
        {
            Assert.AreEqual(string.Empty, new ProvisionedKeyFile(new SimulatedFileStore()).Find());
        }

        [TestMethod]
        public void Find_ConfigWithoutKey_ReturnsEmpty()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            Examples.CommitWithCa(store, "n", 1);
            Assert.AreEqual(string.Empty, new ProvisionedKeyFile(store).Find());
        }

        [TestMethod]
        public void Find_CommittedKey_NamesTheCommittedFile()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitWithKey(store, "n", 1);
            CommitWithKey(store, "n", 2);
            Assert.AreEqual("ota.2.pem", new ProvisionedKeyFile(store).Find());
            Assert.AreEqual(AppView(store), new ProvisionedKeyFile(store).Find());
        }

        [TestMethod]
        public void Find_CorruptCurrentBlob_NamesTheBackupsKey()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitWithKey(store, "n", 1);
            CommitWithKey(store, "n", 2);
            store.Corrupt(ProvisionedKeyFile.CurrentName, 20, 0x01);
            Assert.AreEqual("ota.1.pem", new ProvisionedKeyFile(store).Find());
            Assert.AreEqual(AppView(store), new ProvisionedKeyFile(store).Find());
        }

        [TestMethod]
        public void Find_CorruptCurrentKeyFile_NamesTheBackupsKey()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            CommitWithKey(store, "n", 1);
            CommitWithKey(store, "n", 2);
            store.Corrupt("ota.2.pem", 100, 0x80);
            Assert.AreEqual("ota.1.pem", new ProvisionedKeyFile(store).Find());
            Assert.AreEqual(AppView(store), new ProvisionedKeyFile(store).Find());
        }

        [TestMethod]
        public void Find_PowerCutAtEveryWriteOfACommit_AgreesWithConfigStore()
        {
            int cuts = 0;
            for (int cut = 0; cut < 64; cut++)
            {
                SimulatedFileStore store = new SimulatedFileStore();
                CommitWithKey(store, "old", 1);
                NodeConfig next = Examples.Config("new");
                Examples.Stage(store, next, 0, Examples.File(700, 9));
                Examples.Stage(store, next, OtaKeyKind, Examples.File(400, 9));
                store.ResetCounters();
                store.CutPowerAt(cut);
                bool cutHappened = false;
                try
                {
                    new ConfigStore(store).Commit(next, new ConfigProblem());
                }
                catch (PowerCutException)
                {
                    cutHappened = true;
                }

                store.PowerOn();
                if (!cutHappened)
                {
                    break;
                }

                cuts++;
                string app = AppView(store);
                Assert.IsTrue(app == "ota.1.pem" || app == "ota.2.pem", app);
                Assert.AreEqual(app, new ProvisionedKeyFile(store).Find());
            }

            Assert.IsTrue(cuts >= 3);
        }
    }
}
