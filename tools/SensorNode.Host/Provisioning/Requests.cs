using SensorNode.Core.Checksums;
using System;
using System.Collections.Generic;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>Builds request messages (docs/spec/provisioning.md §4) with the core's own constants and TLV writer.</summary>
public static class Requests
{
    /// <summary>A request with the given body: version, type, sequence id (LE), body.</summary>
    public static byte[] Build(ProvisioningCommand command, ushort sequence, ReadOnlySpan<byte> body)
    {
        var message = new byte[4 + body.Length];
        message[0] = ProvisioningLimits.ProtocolVersion;
        message[1] = (byte)command;
        message[2] = (byte)sequence;
        message[3] = (byte)(sequence >> 8);
        body.CopyTo(message.AsSpan(4));
        return message;
    }

    /// <summary>Set-config bodies holding every settable field of config, each body as large as a message allows.</summary>
    public static List<byte[]> SetConfigBodies(NodeConfig config)
    {
        var bodies = new List<byte[]>();
        var buffer = new byte[ProvisioningLimits.MaxMessageBytes - 4];
        int at = 0;
        for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
        {
            int next = ConfigTlv.Write(config, id, buffer, at, buffer.Length);
            if (next < 0)
            {
                bodies.Add(buffer.AsSpan(0, at).ToArray());
                at = 0;
                next = ConfigTlv.Write(config, id, buffer, 0, buffer.Length);
            }

            at = next;
        }

        if (at > 0)
        {
            bodies.Add(buffer.AsSpan(0, at).ToArray());
        }

        return bodies;
    }

    /// <summary>File-begin body: kind field id, length, CRC-32.</summary>
    public static byte[] FileBeginBody(ConfigField kind, ReadOnlySpan<byte> content)
    {
        var body = new byte[9];
        body[0] = (byte)kind;
        byte[] copy = content.ToArray();
        Wire.WriteU32(body, 1, (uint)copy.Length);
        Wire.WriteU32(body, 5, Crc32.Compute(copy, 0, copy.Length));
        return body;
    }

    /// <summary>File-chunk body: kind, offset, data.</summary>
    public static byte[] FileChunkBody(ConfigField kind, int offset, ReadOnlySpan<byte> data)
    {
        var body = new byte[5 + data.Length];
        body[0] = (byte)kind;
        Wire.WriteU32(body, 1, (uint)offset);
        data.CopyTo(body.AsSpan(5));
        return body;
    }
}
