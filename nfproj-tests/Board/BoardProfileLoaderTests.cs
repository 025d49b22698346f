using nanoFramework.TestFramework;
using SensorNode.Core.Board;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Board
{
    [TestClass]
    public class BoardProfileLoaderTests
    {
        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        [TestMethod]
        public void NoStore_UsesTheNamedBuiltIn()
        {
            BoardProfile profile = new BoardProfile();
            BoardProfileStatus status;
            int line;

            Assert.AreEqual((int)BoardProfileSource.BuiltIn, (int)BoardProfileLoader.Load(null, "wroom32-lowpower", profile, out status, out line));
            Assert.AreEqual("wroom32-lowpower", profile.Name);
            Assert.AreEqual((int)BoardProfileStatus.Ok, (int)status);
        }

        [TestMethod]
        public void ValidFile_WinsOverBuiltIn()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            byte[] text = Ascii(BuiltInProfiles.Wroom32LowPower);
            store.Replace(BoardProfileLoader.FileName, text, 0, text.Length);
            BoardProfile profile = new BoardProfile();
            BoardProfileStatus status;
            int line;

            Assert.AreEqual((int)BoardProfileSource.File, (int)BoardProfileLoader.Load(store, "esp32-devkitc", profile, out status, out line));
            Assert.AreEqual("wroom32-lowpower", profile.Name);
        }

        [TestMethod]
        public void BrokenFile_FallsBackToBuiltIn_AndReportsTheError()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            byte[] text = Ascii("board=x\ni2c_bus 1\n");
            store.Replace(BoardProfileLoader.FileName, text, 0, text.Length);
            BoardProfile profile = new BoardProfile();
            BoardProfileStatus status;
            int line;

            Assert.AreEqual((int)BoardProfileSource.BuiltIn, (int)BoardProfileLoader.Load(store, "esp32-devkitc", profile, out status, out line));
            Assert.AreEqual((int)BoardProfileStatus.MissingSeparator, (int)status);
            Assert.AreEqual(2, line);
            Assert.AreEqual("esp32-devkitc", profile.Name);
            Assert.AreEqual(21, profile.I2cSdaPin);
        }

        [TestMethod]
        public void UnknownName_NoFile_UsesDefault()
        {
            BoardProfile profile = new BoardProfile();
            BoardProfileStatus status;
            int line;

            Assert.AreEqual((int)BoardProfileSource.Default, (int)BoardProfileLoader.Load(new SimulatedFileStore(), "no-such-board", profile, out status, out line));
            Assert.AreEqual(BoardProfileLoader.DefaultName, profile.Name);
        }
    }
}
