using System;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// The node's command parser against System.Text.Json on random escape sequences (docs/spec/mqtt.md §7.1, issue 17
/// item 8): a string .NET decodes, the node decodes to the same text; a string .NET refuses (unknown escape, short
/// \u, unpaired surrogate), the node answers bad_escape. Keys too: an escaped key .NET reads as "cmd" is "cmd".
/// </summary>
[TestClass]
public sealed class CommandEscapeDifferentialTests
{
    private static readonly string[] Pieces =
    {
        "a", "Z", " ", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u00E9", "\\u0000",
        "\\u20ac", "\\ud83d", "\\uDE00", "\\ud83d\\ude00", "\\x", "\\u12", "\\uzzzz", "\\U0041", "\\'", "\\a", "\\0",
    };

    [TestMethod]
    public void IdValues_DecodeAsSystemTextJsonDoes_OrAreBadEscape()
    {
        var random = new Random(17);
        var parser = new CommandParser();
        var command = new Command();
        int decoded = 0;
        int refused = 0;
        for (int n = 0; n < 20000; n++)
        {
            var raw = new StringBuilder();
            int count = random.Next(0, 8);
            for (int k = 0; k < count; k++)
            {
                raw.Append(Pieces[random.Next(Pieces.Length)]);
            }

            string payload = "{\"cmd\":\"reboot\",\"id\":\"" + raw + "\"}";
            byte[] bytes = Encoding.ASCII.GetBytes(payload);
            CommandStatus status = parser.Parse(bytes, 0, bytes.Length, command);
            string? expected = DotNetId(payload);
            if (expected == null)
            {
                Assert.AreEqual(CommandStatus.BadEscape, status, payload);
                Assert.AreEqual("id", command.ErrorField, payload);
                refused++;
            }
            else if (expected.Length > 64)
            {
                Assert.AreEqual(CommandStatus.OutOfRange, status, payload);
            }
            else
            {
                Assert.AreEqual(CommandStatus.Ok, status, payload);
                Assert.AreEqual(expected, command.Id, payload);
                decoded++;
            }
        }

        Assert.IsTrue(decoded > 1000 && refused > 1000, $"both outcomes exercised: {decoded} decoded, {refused} refused");
    }

    [TestMethod]
    public void Keys_MatchAfterDecoding_AsSystemTextJsonReadsThem()
    {
        string[] pieces = { "c", "m", "d", "\\u0063", "\\u006d", "\\u006D", "\\u0064", "x", "\\u0078" };
        var random = new Random(8);
        var parser = new CommandParser();
        var command = new Command();
        int matched = 0;
        for (int n = 0; n < 20000; n++)
        {
            var key = new StringBuilder();
            for (int k = random.Next(4) == 0 ? random.Next(1, 5) : 3; k > 0; k--)
            {
                key.Append(pieces[random.Next(pieces.Length)]);
            }

            string payload = "{\"" + key + "\":\"reboot\"}";
            byte[] bytes = Encoding.ASCII.GetBytes(payload);
            CommandStatus status = parser.Parse(bytes, 0, bytes.Length, command);
            using JsonDocument doc = JsonDocument.Parse(payload);
            string name = string.Empty;
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                name = p.Name;
            }

            if (name == "cmd")
            {
                Assert.AreEqual(CommandStatus.Ok, status, payload);
                Assert.AreEqual(CommandKind.Reboot, command.Kind, payload);
                matched++;
            }
            else
            {
                Assert.AreEqual(CommandStatus.UnknownKey, status, payload);
                Assert.AreEqual(name, command.ErrorField, payload);
            }
        }

        Assert.IsTrue(matched > 100, $"{matched} spellings of cmd");
    }

    // The id as .NET reads it, or null when .NET refuses the string.
    private static string? DotNetId(string payload)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(payload);
            return doc.RootElement.GetProperty("id").GetString();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
