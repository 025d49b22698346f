using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class CommandParserTests
    {
        [DataRow("{\"cmd\":\"set_interval\",\"seconds\":300}", (int)CommandStatus.Ok, "")]
        [DataRow("{\"cmd\":\"set_interval\",\"seconds\":0}", (int)CommandStatus.OutOfRange, "seconds")]
        [DataRow("{\"cmd\":\"set_interval\",\"seconds\":6e1}", (int)CommandStatus.WrongType, "seconds")]
        [DataRow("{\"cmd\":\"set_thresholds\",\"z_threshold\":3.5001}", (int)CommandStatus.OutOfRange, "z_threshold")]
        [DataRow("{\"cmd\":\"reboot\",\"seconds\":1}", (int)CommandStatus.UnknownKey, "seconds")]
        [DataRow("{\"cmd\":\"reboot\",\"cmd\":\"reboot\"}", (int)CommandStatus.DuplicateKey, "cmd")]
        [DataRow("{\"cmd\":\"reboot\",\"x\":[1]}", (int)CommandStatus.NestedValue, "")]
        [DataRow("{\"cmd\":\"reboot\"", (int)CommandStatus.Malformed, "")]
        [DataRow("[1]", (int)CommandStatus.NotAnObject, "")]
        [DataRow("{}", (int)CommandStatus.MissingCmd, "")]
        [DataRow("{\"cmd\":\"fly\"}", (int)CommandStatus.UnknownCmd, "cmd")]
        [DataRow("{\"cmd\":\"ota\",\"url\":\"https://h/i\",\"version\":\"1.0\",\"sha256\":\"00\"}", (int)CommandStatus.BadSha256, "sha256")]
        [DataRow("", (int)CommandStatus.Empty, "")]
        // field "" means the status names no field (ErrorField stays null): a null attribute argument cannot be
        // encoded in a nanoFramework assembly, so the MetadataProcessor refuses it.
        public void Parse_ReturnsTheSpecStatusAndField(string payload, int expected, string field)
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii(payload);
            Assert.AreEqual(expected, (int)new CommandParser().Parse(bytes, 0, bytes.Length, c));
            if (field.Length == 0)
            {
                Assert.IsNull(c.ErrorField, "no field is named for this status");
            }
            else
            {
                Assert.AreEqual(field, c.ErrorField);
            }
        }

        [TestMethod]
        public void Parse_Ota_ExtractsUrlVersionAndDigest()
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"id\":\"u7\",\"cmd\":\"ota\",\"url\":\"https:\\/\\/h\\/i.bin\",\"version\":\"1.2.0\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}");
            Assert.AreEqual((int)CommandStatus.Ok, (int)new CommandParser().Parse(bytes, 0, bytes.Length, c));
            Assert.AreEqual((int)CommandKind.Ota, (int)c.Kind);
            Assert.AreEqual("u7", c.Id);
            Assert.AreEqual("https://h/i.bin", c.OtaUrl);
            Assert.AreEqual("1.2.0", c.OtaVersion);
            Assert.AreEqual((byte)0x9f, c.OtaSha256[0]);
            Assert.AreEqual((byte)0x08, c.OtaSha256[31]);
        }

        [TestMethod]
        public void Parse_EveryPrefixOfAValidCommand_IsAnErrorAndNeverThrows()
        {
            byte[] bytes = TestText.Ascii("{\"id\":\"x\",\"cmd\":\"set_windows\",\"average\":16,\"z\":64.0,\"crest\":2048}");
            CommandParser parser = new CommandParser();
            Command c = new Command();
            for (int length = 0; length < bytes.Length; length++)
            {
                Assert.AreNotEqual((int)CommandStatus.Ok, (int)parser.Parse(bytes, 0, length, c));
            }

            Assert.AreEqual((int)CommandStatus.Ok, (int)parser.Parse(bytes, 0, bytes.Length, c));
            Assert.AreEqual(64, c.ZWindow);
        }

        [TestMethod]
        public void ConfigHandler_AppliesWindows_AndRaisesConfigVersion()
        {
            NodeConfig config = new NodeConfig();
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"cmd\":\"set_windows\",\"crest\":512}");
            new CommandParser().Parse(bytes, 0, bytes.Length, c);
            Assert.AreEqual((int)CommandStatus.Ok, (int)new ConfigCommandHandler(config, null).Execute(c));
            Assert.AreEqual(512, config.CrestWindow);
            Assert.AreEqual(8, config.AverageWindow);
            Assert.AreEqual(1, config.ConfigVersion);
        }

        [TestMethod]
        public void ConfigHandler_WithoutNext_AnswersUnsupportedForReboot()
        {
            Command c = new Command();
            c.Kind = CommandKind.Reboot;
            Assert.AreEqual((int)CommandStatus.Unsupported, (int)new ConfigCommandHandler(new NodeConfig(), null).Execute(c));
        }
    }
}
