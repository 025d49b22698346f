using System;
using System.Text;
using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>
/// Bounds-checked reading of one Ok reply body from the node (docs/spec/provisioning.md §4.8): every read
/// checks that the bytes are there, texts are strict UTF-8 without control characters, and every problem is a
/// <see cref="ProvisioningException"/> that names the reply, what was wrong with it and what to do.
/// </summary>
public sealed class ReplyReader
{
    /// <summary>What to do about a reply that breaks the protocol.</summary>
    public const string Advice = "check that the port is the node's provisioning console and that the node runs SensorNode firmware (provisioning protocol 1)";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _body;
    private int _at;

    public ReplyReader(ProvisioningCommand command, byte[] body)
    {
        Command = command;
        _body = body;
    }

    public ProvisioningCommand Command { get; }

    /// <summary>Bytes of the body not read yet.</summary>
    public int Remaining => _body.Length - _at;

    public int U8(string field)
    {
        Need(1, field);
        return _body[_at++];
    }

    public int U16(string field)
    {
        Need(2, field);
        int value = Wire.ReadU16(_body, _at);
        _at += 2;
        return value;
    }

    public uint U32(string field)
    {
        Need(4, field);
        uint value = Wire.ReadU32(_body, _at);
        _at += 4;
        return value;
    }

    public int I32(string field)
    {
        Need(4, field);
        int value = Wire.ReadI32(_body, _at);
        _at += 4;
        return value;
    }

    /// <summary>A byte that must be 0 or 1.</summary>
    public bool Flag(string field)
    {
        int value = U8(field);
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw Fail($"{field} is {value}, not 0 or 1"),
        };
    }

    /// <summary>length bytes of UTF-8 text, at most maxBytes, without control characters.</summary>
    public string Text(string field, int length, int maxBytes)
    {
        if (length > maxBytes)
        {
            throw Fail($"{field} is {length} bytes long; the most is {maxBytes}");
        }

        Need(length, field);
        string text;
        try
        {
            text = StrictUtf8.GetString(_body, _at, length);
        }
        catch (DecoderFallbackException)
        {
            throw Fail($"{field} is not valid UTF-8");
        }

        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                throw Fail($"{field} holds control character U+{(int)c:X4}");
            }
        }

        _at += length;
        return text;
    }

    /// <summary>A length byte and that many bytes of text (info's texts, at most 64 bytes).</summary>
    public string ShortText(string field) => Text(field, U8(field + " length"), ProvisioningLimits.MaxStringBytes);

    /// <summary>The body must end here.</summary>
    public void End()
    {
        if (Remaining != 0)
        {
            throw Fail($"{Remaining} unexpected byte(s) follow the last field");
        }
    }

    /// <summary>The error for this reply: "the node's hello reply is invalid: ...; check ...".</summary>
    public ProvisioningException Fail(string problem) => new($"the node's {CommandNames.Of(Command)} reply is invalid: {problem}; {Advice}");

    private void Need(int count, string field)
    {
        if (Remaining < count)
        {
            throw Fail($"its {_body.Length}-byte body ends inside {field}");
        }
    }
}
