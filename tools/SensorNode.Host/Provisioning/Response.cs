using System;
using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>A decoded response message: type, sequence id, status and body.</summary>
public sealed class Response
{
    public Response(byte[] message)
    {
        Version = message[0];
        Command = (ProvisioningCommand)(message[1] & 0x7F);
        Sequence = (ushort)(message[2] | (message[3] << 8));
        Status = (ProvisioningStatus)message[4];
        Body = message.AsSpan(5).ToArray();
    }

    public byte Version { get; }

    public ProvisioningCommand Command { get; }

    public ushort Sequence { get; }

    public ProvisioningStatus Status { get; }

    public byte[] Body { get; }

    /// <summary>For config problems: the field the node named (0 if none).</summary>
    public int FieldId => Status != ProvisioningStatus.Ok && Status != ProvisioningStatus.BadOffset && Body.Length > 0 ? Body[0] : 0;

    /// <summary>Longest node message shown, in characters; a longer one is cut with "…".</summary>
    public const int MaxMessageChars = 120;

    /// <summary>For config problems: the node's message (printable ASCII; anything else shows as '?', cut at <see cref="MaxMessageChars"/>).</summary>
    public string Message => Status != ProvisioningStatus.Ok && Status != ProvisioningStatus.BadOffset && Body.Length > 1
        ? Printable(Body.AsSpan(1))
        : string.Empty;

    /// <summary>"brokerPort: must be between 1 and 65535 (InvalidValue)".</summary>
    public string Describe()
    {
        string field = FieldId != 0 ? ConfigFields.Name(FieldId) + ": " : string.Empty;
        string message = Message.Length > 0 ? Message : Status.ToString();
        return $"{field}{message} ({Status})";
    }

    private static string Printable(ReadOnlySpan<byte> ascii)
    {
        int count = Math.Min(ascii.Length, MaxMessageChars);
        var chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = ascii[i] >= 0x20 && ascii[i] < 0x7F ? (char)ascii[i] : '?';
        }

        return ascii.Length > count ? new string(chars) + "…" : new string(chars);
    }
}
