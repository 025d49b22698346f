using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Provisioning
{
    /// <summary>MCUboot-style: cut the power at every write of a commit; the node must load the old or the new config, in full.</summary>
    [TestClass]
    public class ConfigStorePowerCutTests
    {
        private const int Generations = 3;

        private static SimulatedFileStore WithHistory(int commits)
        {
            SimulatedFileStore store = new SimulatedFileStore();
            for (int i = 0; i < commits; i++)
            {
                Examples.CommitWithCa(store, "old-" + i, i);
            }

            return store;
        }

        private static int WritesOfOneCommit(int history)
        {
            SimulatedFileStore store = WithHistory(history);
            NodeConfig next = Examples.Config("new-node");
            Examples.Stage(store, next, 0, Examples.File(900, 99));
            Examples.Stage(store, next, 3, Examples.File(300, 42));
            store.ResetCounters();
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)new ConfigStore(store).Commit(next, new ConfigProblem()));
            return store.WriteCount;
        }

        [TestMethod]
        public void Commit_PowerCutAtEveryWrite_LoadsOldOrNewInFull()
        {
            for (int history = 0; history < Generations; history++)
            {
                int writes = WritesOfOneCommit(history);
                Assert.IsTrue(writes >= 3);
                for (int cut = 0; cut < writes; cut++)
                {
                    SimulatedFileStore store = WithHistory(history);
                    NodeConfig old = new NodeConfig();
                    ConfigLoadStatus before = new ConfigStore(store).Load(old);
                    NodeConfig next = Examples.Config("new-node");
                    Examples.Stage(store, next, 0, Examples.File(900, 99));
                    Examples.Stage(store, next, 3, Examples.File(300, 42));
                    NodeConfig expectedNew = new NodeConfig();
                    ConfigFields.CopyAll(next, expectedNew);
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

                    Assert.IsTrue(cutHappened);
                    store.PowerOn();
                    NodeConfig loaded = new NodeConfig();
                    ConfigLoadStatus after = new ConfigStore(store).Load(loaded);
                    if (loaded.NodeId == "new-node")
                    {
                        Assert.AreNotEqual((int)ConfigLoadStatus.Unprovisioned, (int)after);
                        Assert.AreEqual(history + 1, loaded.ConfigVersion);
                        Assert.AreEqual("ca." + (history + 1) + ".pem", loaded.CaCertificateFile);
                        Assert.AreEqual("ota." + (history + 1) + ".pem", loaded.OtaPublicKeyFile);
                    }
                    else if (history == 0)
                    {
                        Assert.AreEqual((int)ConfigLoadStatus.Unprovisioned, (int)after);
                    }
                    else
                    {
                        Assert.AreEqual((int)before == (int)ConfigLoadStatus.Unprovisioned, false);
                        Assert.IsTrue(ConfigFields.AllEqual(old, loaded));
                    }

                    // And the node can always commit again afterwards.
                    NodeConfig again = Examples.Config("again");
                    Examples.Stage(store, again, 0, Examples.File(500, 7));
                    Assert.AreEqual((int)ProvisioningStatus.Ok, (int)new ConfigStore(store).Commit(again, new ConfigProblem()));
                    NodeConfig final = new NodeConfig();
                    Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)new ConfigStore(store).Load(final));
                    Assert.AreEqual("again", final.NodeId);
                }
            }
        }

        [TestMethod]
        public void Load_CorruptCurrent_FallsBackToPrevious()
        {
            SimulatedFileStore store = WithHistory(2);
            store.Corrupt(ConfigStore.CurrentName, 20, 0x01);
            NodeConfig loaded = new NodeConfig();
            Assert.AreEqual((int)ConfigLoadStatus.LoadedBackup, (int)new ConfigStore(store).Load(loaded));
            Assert.AreEqual("old-0", loaded.NodeId);
        }

        [TestMethod]
        public void Load_CorruptReferencedFile_FallsBackToPrevious()
        {
            SimulatedFileStore store = WithHistory(2);
            store.Corrupt("ca.2.pem", 100, 0x80);
            NodeConfig loaded = new NodeConfig();
            ConfigStore configs = new ConfigStore(store);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedBackup, (int)configs.Load(loaded));
            Assert.AreEqual("old-0", loaded.NodeId);
        }

        [TestMethod]
        public void Commit_ThirdGeneration_DeletesFilesOfTheFirst()
        {
            SimulatedFileStore store = WithHistory(3);
            Assert.AreEqual(-1, store.Length("ca.1.pem"));
            Assert.AreEqual(700, store.Length("ca.2.pem"));
            Assert.AreEqual(700, store.Length("ca.3.pem"));
            Assert.AreEqual(-1, store.Length(FileSet.StagedName(0)));
        }

        [TestMethod]
        public void Commit_InvalidConfig_WritesNothing()
        {
            SimulatedFileStore store = WithHistory(1);
            NodeConfig bad = Examples.Config("bad");
            bad.BrokerPort = 0;
            store.ResetCounters();
            ConfigProblem p = new ConfigProblem();
            Assert.AreEqual((int)ProvisioningStatus.InvalidValue, (int)new ConfigStore(store).Commit(bad, p));
            Assert.AreEqual((int)ConfigField.BrokerPort, p.FieldId);
            Assert.AreEqual(0, store.WriteCount);
        }

        [TestMethod]
        public void FactoryReset_PowerCutAtEveryWrite_LoadsCurrentOrNothing()
        {
            SimulatedFileStore probe = WithHistory(2);
            probe.ResetCounters();
            new ConfigStore(probe).FactoryReset();
            int writes = probe.WriteCount;
            for (int cut = 0; cut < writes; cut++)
            {
                SimulatedFileStore store = WithHistory(2);
                store.ResetCounters();
                store.CutPowerAt(cut);
                try
                {
                    new ConfigStore(store).FactoryReset();
                }
                catch (PowerCutException)
                {
                }

                store.PowerOn();
                NodeConfig loaded = new NodeConfig();
                ConfigLoadStatus s = new ConfigStore(store).Load(loaded);
                Assert.IsTrue(s == ConfigLoadStatus.Unprovisioned || loaded.NodeId == "old-1");
            }

            NodeConfig none = new NodeConfig();
            Assert.AreEqual((int)ConfigLoadStatus.Unprovisioned, (int)new ConfigStore(probe).Load(none));
        }
    }
}
