using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Board;

/// <summary>The board profiles under hardware/boards and the named vectors of docs/spec/board-profile.md §6.</summary>
[TestClass]
public sealed class BoardProfileFilesTests
{
    public static IEnumerable<object[]> Boards()
    {
        yield return new object[] { "esp32-devkitc", BuiltInProfiles.Esp32DevKitC };
        yield return new object[] { "wroom32-lowpower", BuiltInProfiles.Wroom32LowPower };
        yield return new object[] { "esp32-devkitc-ve", BuiltInProfiles.Esp32DevKitCVe };
    }

    [TestMethod]
    [DynamicData(nameof(Boards))]
    public void HardwareProfile_ParsesOk_AndEqualsTheBuiltInCopy(string board, string builtIn)
    {
        byte[] file = File.ReadAllBytes(Repo.Path("hardware", "boards", board, "board.profile"));
        var profile = new BoardProfile();

        Assert.AreEqual(BoardProfileStatus.Ok, BoardProfileParser.Parse(file, 0, file.Length, profile, out int line), "line " + line);
        Assert.AreEqual(board, profile.Name);
        Assert.AreEqual(builtIn, Encoding.ASCII.GetString(file));
        Assert.AreSame(builtIn, BuiltInProfiles.Find(board));
    }

    // Vector name (file docs/spec/vectors/board-profile/<name>.profile) -> expected status and line.
    public static IEnumerable<object[]> Vectors()
    {
        yield return new object[] { "valid-minimal", BoardProfileStatus.Ok, 0 };
        yield return new object[] { "valid-full", BoardProfileStatus.Ok, 0 };
        yield return new object[] { "valid-updatable", BoardProfileStatus.Ok, 0 };
        yield return new object[] { "missing-separator", BoardProfileStatus.MissingSeparator, 3 };
        yield return new object[] { "unknown-key", BoardProfileStatus.UnknownKey, 2 };
        yield return new object[] { "duplicate-key", BoardProfileStatus.DuplicateKey, 4 };
        yield return new object[] { "bad-value", BoardProfileStatus.BadValue, 3 };
        yield return new object[] { "out-of-range", BoardProfileStatus.OutOfRange, 9 };
        yield return new object[] { "input-only-sda", BoardProfileStatus.InvalidPin, 3 };
        yield return new object[] { "missing-key", BoardProfileStatus.MissingKey, 0 };
        yield return new object[] { "pin-conflict", BoardProfileStatus.PinConflict, 0 };
        yield return new object[] { "bad-character", BoardProfileStatus.BadCharacter, 1 };
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void SpecVector_ParsesToItsNamedResult(string name, BoardProfileStatus expected, int expectedLine)
    {
        byte[] text = File.ReadAllBytes(Path.Combine(System.AppContext.BaseDirectory, "vectors", "board-profile", name + ".profile"));
        var profile = new BoardProfile();

        Assert.AreEqual(expected, BoardProfileParser.Parse(text, 0, text.Length, profile, out int line), name);
        Assert.AreEqual(expectedLine, line, name);
    }

    [TestMethod]
    public void UpdatableBoard_HasPsramAndASlotBudget_TheWroomBoardsHaveNeither()
    {
        var ve = new BoardProfile();
        Assert.AreEqual(BoardProfileStatus.Ok, BoardProfileParser.ParseText(BuiltInProfiles.Esp32DevKitCVe, ve, out _));
        Assert.IsTrue(ve.IsUpdatable);
        Assert.AreEqual(8192, ve.PsramKiloBytes);
        Assert.AreEqual(896, ve.OtaSlotKiloBytes);
        foreach (string wroom in new[] { BuiltInProfiles.Esp32DevKitC, BuiltInProfiles.Wroom32LowPower })
        {
            var profile = new BoardProfile();
            Assert.AreEqual(BoardProfileStatus.Ok, BoardProfileParser.ParseText(wroom, profile, out _));
            Assert.IsFalse(profile.IsUpdatable);
            Assert.AreEqual(0, profile.OtaSlotKiloBytes);
        }
    }

    [TestMethod]
    public void TimingKeys_DefaultToThePlatformFigures_AndParseWhenGiven()
    {
        var profile = new BoardProfile();
        Assert.AreEqual(BoardProfileStatus.Ok, BoardProfileParser.ParseText(BuiltInProfiles.Esp32DevKitC, profile, out _));
        Assert.AreEqual(400, profile.BootMilliseconds);
        Assert.AreEqual(700, profile.WifiConnectMilliseconds);
        Assert.AreEqual(2000, profile.TlsHandshakeMilliseconds);
        Assert.AreEqual(BoardProfileStatus.Ok, BoardProfileParser.ParseText(BuiltInProfiles.Esp32DevKitC + "boot_ms = 250\nwifi_connect_ms = 300\ntls_handshake_ms = 1500\n", profile, out _));
        Assert.AreEqual(250, profile.BootMilliseconds);
        Assert.AreEqual(300, profile.WifiConnectMilliseconds);
        Assert.AreEqual(1500, profile.TlsHandshakeMilliseconds);
        Assert.AreEqual(BoardProfileStatus.OutOfRange, BoardProfileParser.ParseText(BuiltInProfiles.Esp32DevKitC + "ota_slot_kb = 9000\n", profile, out int line));
        Assert.AreEqual(18, line);
    }
}
