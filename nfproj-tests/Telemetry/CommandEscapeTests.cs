using nanoFramework.TestFramework;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    /// <summary>
    /// JSON escapes in commands (docs/spec/mqtt.md §7.1, issue 17 item 8): keys and string values mean what they
    /// decode to, and an invalid escape is bad_escape. The rows mirror vectors of docs/spec/vectors/mqtt/commands.tsv.
    /// </summary>
    [TestClass]
    public class CommandEscapeTests
    {
        [DataRow("{\"cmd\":\"set\\u005finterval\",\"seconds\":5}", (int)CommandStatus.Ok, "", (int)CommandKind.SetInterval)] // escaped_cmd_value
        [DataRow("{\"cmd\":\"set_interval\",\"\\u0073econds\":5}", (int)CommandStatus.Ok, "", (int)CommandKind.SetInterval)] // escaped_key
        [DataRow("{\"\\u0063\\u006D\\u0064\":\"reb\\u006Fot\"}", (int)CommandStatus.Ok, "", (int)CommandKind.Reboot)] // escaped_key_upper_hex
        [DataRow("{\"cmd\":\"reboot\",\"c\\u006dd\":\"reboot\"}", (int)CommandStatus.DuplicateKey, "cmd", (int)CommandKind.None)] // escaped_duplicate_key
        [DataRow("{\"cmd\":\"reboot\",\"colo\\u0075r\":\"red\"}", (int)CommandStatus.UnknownKey, "colour", (int)CommandKind.None)] // escaped_unknown_key
        [DataRow("{\"cmd\":\"reboot\\u0000\"}", (int)CommandStatus.UnknownCmd, "cmd", (int)CommandKind.None)] // escaped_cmd_unknown
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\x41\"}", (int)CommandStatus.BadEscape, "id", (int)CommandKind.None)] // bad_escape_letter
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\u12\"}", (int)CommandStatus.BadEscape, "id", (int)CommandKind.None)] // bad_escape_short_u
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\u12g4\"}", (int)CommandStatus.BadEscape, "id", (int)CommandKind.None)] // bad_escape_non_hex
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\ud83d\"}", (int)CommandStatus.BadEscape, "id", (int)CommandKind.None)] // bad_escape_lone_high
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\ude00x\"}", (int)CommandStatus.BadEscape, "id", (int)CommandKind.None)] // bad_escape_lone_low
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\ud83d\\ud83d\"}", (int)CommandStatus.BadEscape, "id", (int)CommandKind.None)] // bad_escape_high_high
        [DataRow("{\"cmd\":\"set\\_interval\",\"seconds\":5}", (int)CommandStatus.BadEscape, "cmd", (int)CommandKind.None)] // bad_escape_in_cmd
        [DataRow("{\"c\\md\":\"reboot\"}", (int)CommandStatus.BadEscape, "", (int)CommandKind.None)] // bad_escape_in_key
        [DataRow("{\"cmd\":\"reboot\",\"id\":\"\\u00", (int)CommandStatus.Malformed, "", (int)CommandKind.None)] // truncated_in_escape
        [DataRow("{\"cmd\":\"ota\",\"url\":\"https://h\\u0000 x\",\"version\":\"1.2.0\",\"sha256\":\"0\"}", (int)CommandStatus.BadUrl, "url", (int)CommandKind.Ota)] // ota_url_nul (short sha256: url is checked first)
        [DataRow("{\"cmd\":\"ota\",\"url\":\"https://h/i.bin\",\"version\":\"1.2.0\\u0000junk\",\"sha256\":\"0\"}", (int)CommandStatus.BadVersion, "version", (int)CommandKind.Ota)] // ota_version_nul
        public void Parse_Escapes_MeanWhatTheyDecodeTo(string payload, int expected, string field, int kind)
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii(payload);
            Assert.AreEqual(expected, (int)new CommandParser().Parse(bytes, 0, bytes.Length, c));
            Assert.AreEqual(kind, (int)c.Kind);
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
        public void Parse_Id_DecodesEverySimpleEscape_AndTheResultEscapesItBack()
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"id\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\",\"cmd\":\"reboot\"}");
            Assert.AreEqual((int)CommandStatus.Ok, (int)new CommandParser().Parse(bytes, 0, bytes.Length, c));
            Assert.AreEqual("a\"b\\c/d\b\f\n\r\t", c.Id);
            Assert.AreEqual("{\"id\":\"a\\\"b\\\\c/d\\u0008\\u000c\\u000a\\u000d\\u0009\",\"cmd\":\"reboot\",\"ok\":true}", Result(c, CommandStatus.Ok));
        }

        [TestMethod]
        public void Parse_Id_SurrogatePair_IsTwoCodeUnits_AndComesBackAsSent()
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"id\":\"\\ud83d\\uDE00\",\"cmd\":\"reboot\"}");
            Assert.AreEqual((int)CommandStatus.Ok, (int)new CommandParser().Parse(bytes, 0, bytes.Length, c));
            // IdChars, not Id: nanoFramework's string indexer cannot reach the low half of a non-BMP character.
            Assert.AreEqual(2, c.IdLength);
            Assert.AreEqual(0xD83D, (int)c.IdChars[0]);
            Assert.AreEqual(0xDE00, (int)c.IdChars[1]);
            Assert.AreEqual("{\"id\":\"\\ud83d\\ude00\",\"cmd\":\"reboot\",\"ok\":true}", Result(c, CommandStatus.Ok));
        }

        [TestMethod]
        public void Parse_SurrogateKey_ComesBackAsSent()
        {
            // unknown_key_surrogate: the field is written from code units, not from a string's indexer.
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"cmd\":\"reboot\",\"\\ud83d\\ude00\":1}");
            CommandStatus status = new CommandParser().Parse(bytes, 0, bytes.Length, c);
            Assert.AreEqual("{\"cmd\":null,\"ok\":false,\"error\":\"unknown_key\",\"field\":\"\\ud83d\\ude00\"}", Result(c, status));
        }

        [TestMethod]
        public void Parse_Id_SixtyFourEscapedCharacters_CountAsSixtyFour()
        {
            string id = string.Empty;
            for (int i = 0; i < 64; i++)
            {
                id += "\\u0041";
            }

            Command c = new Command();
            byte[] ok = TestText.Ascii("{\"id\":\"" + id + "\",\"cmd\":\"reboot\"}");
            Assert.AreEqual((int)CommandStatus.Ok, (int)new CommandParser().Parse(ok, 0, ok.Length, c));
            Assert.AreEqual(64, c.IdLength);
            Assert.AreEqual("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", c.Id);
            byte[] tooLong = TestText.Ascii("{\"id\":\"" + id + "\\u0041\",\"cmd\":\"reboot\"}");
            Assert.AreEqual((int)CommandStatus.OutOfRange, (int)new CommandParser().Parse(tooLong, 0, tooLong.Length, c));
            Assert.AreEqual("id", c.ErrorField);
        }

        [TestMethod]
        public void Parse_Ota_EscapedVersionAndDigest_AreDecoded()
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"cmd\":\"ota\",\"url\":\"https://h/i.bin\",\"version\":\"1\\u002e2\\u002e0\",\"sha256\":\"\\u0039f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0\\u0038\"}");
            Assert.AreEqual((int)CommandStatus.Ok, (int)new CommandParser().Parse(bytes, 0, bytes.Length, c));
            Assert.AreEqual("1.2.0", c.OtaVersion);
            Assert.AreEqual((byte)0x9f, c.OtaSha256[0]);
            Assert.AreEqual((byte)0x08, c.OtaSha256[31]);
        }

        [TestMethod]
        public void Parse_BadEscape_ResultNamesTheErrorAndTheKey()
        {
            Command c = new Command();
            byte[] bytes = TestText.Ascii("{\"cmd\":\"reboot\",\"x\":\"\\a\"}");
            CommandStatus status = new CommandParser().Parse(bytes, 0, bytes.Length, c);
            Assert.AreEqual("{\"cmd\":null,\"ok\":false,\"error\":\"bad_escape\",\"field\":\"x\"}", Result(c, status));
        }

        [TestMethod]
        public void Parse_EveryPrefixOfAnEscapedCommand_IsAnErrorAndNeverThrows()
        {
            byte[] bytes = TestText.Ascii("{\"i\\u0064\":\"\\ud83d\\ude00\\\"\",\"\\u0063md\":\"set\\u005fwindows\",\"z\":64}");
            CommandParser parser = new CommandParser();
            Command c = new Command();
            for (int length = 0; length < bytes.Length; length++)
            {
                Assert.AreNotEqual((int)CommandStatus.Ok, (int)parser.Parse(bytes, 0, length, c));
            }

            Assert.AreEqual((int)CommandStatus.Ok, (int)parser.Parse(bytes, 0, bytes.Length, c));
            Assert.AreEqual((int)CommandKind.SetWindows, (int)c.Kind);
            Assert.AreEqual(64, c.ZWindow);
        }

        private static string Result(Command c, CommandStatus status)
        {
            byte[] buffer = new byte[512];
            int n = new CommandResultWriter().Write(c, status, buffer, 0, buffer.Length);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                chars[i] = (char)buffer[i];
            }

            return new string(chars);
        }
    }
}
