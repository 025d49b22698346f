using nanoFramework.TestFramework;
using SensorNode.Core.Provisioning;

namespace NFUnitTest.Provisioning
{
    [TestClass]
    public class ConsoleTriggerTests
    {
        [TestMethod]
        public void ShouldRun_FollowsSpecSection7()
        {
            Assert.IsTrue(ConsoleTrigger.ShouldRun(ConfigLoadStatus.Unprovisioned, false, false));
            Assert.IsTrue(ConsoleTrigger.ShouldRun(ConfigLoadStatus.Loaded, true, false));
            Assert.IsTrue(ConsoleTrigger.ShouldRun(ConfigLoadStatus.LoadedBackup, false, true));
            Assert.IsFalse(ConsoleTrigger.ShouldRun(ConfigLoadStatus.Loaded, false, false));
            Assert.IsFalse(ConsoleTrigger.ShouldRun(ConfigLoadStatus.LoadedBackup, false, false));
        }

        [TestMethod]
        public void SerialWindow_OnlyWatchedOnColdBootOfAProvisionedNode()
        {
            Assert.IsTrue(ConsoleTrigger.WatchSerialWindow(ConfigLoadStatus.Loaded, false, true));
            Assert.IsFalse(ConsoleTrigger.WatchSerialWindow(ConfigLoadStatus.Loaded, false, false));
            Assert.IsFalse(ConsoleTrigger.WatchSerialWindow(ConfigLoadStatus.Unprovisioned, false, true));
            Assert.IsFalse(ConsoleTrigger.WatchSerialWindow(ConfigLoadStatus.Loaded, true, true));
        }
    }
}
