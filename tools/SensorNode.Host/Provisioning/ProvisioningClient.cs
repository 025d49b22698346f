using System;
using System.Collections.Generic;
using System.Text;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>
/// The host side of the provisioning protocol over any <see cref="ISerialLink"/>: one request at a time,
/// responses matched by sequence id, resent on timeout (docs/spec/provisioning.md §3).
/// </summary>
public sealed class ProvisioningClient
{
    private readonly ISerialLink _link;
    private readonly FrameDecoder _decoder;
    private readonly int _timeoutMilliseconds;
    private readonly int _attempts;
    private readonly byte[] _tx = new byte[ProvisioningLimits.MaxEncodedBytes];
    private readonly byte[] _rx = new byte[256];
    private ushort _sequence;

    public ProvisioningClient(ISerialLink link, int timeoutMilliseconds = 2000, int attempts = 3)
    {
        _link = link;
        _decoder = new FrameDecoder(new StopwatchClock());
        _timeoutMilliseconds = timeoutMilliseconds;
        _attempts = attempts;
        _sequence = (ushort)Random.Shared.Next(1, 0x8000);
    }

    /// <summary>Sends a request and returns the node's response (any status); throws when the node never answers.</summary>
    public Response Send(ProvisioningCommand command, ReadOnlySpan<byte> body)
    {
        ushort sequence = ++_sequence;
        byte[] message = Requests.Build(command, sequence, body);
        int length = FrameEncoder.Encode(message, 0, message.Length, _tx, 0);
        for (int attempt = 0; attempt < _attempts; attempt++)
        {
            _link.Write(_tx, 0, length);
            Response? response = Await(command, sequence);
            if (response != null)
            {
                return response;
            }
        }

        throw new ProvisioningException($"no answer from the node to {command} after {_attempts} tries; check the port, the wiring and that the node's provisioning console is running");
    }

    /// <summary>Sends and requires Ok.</summary>
    public Response Expect(ProvisioningCommand command, ReadOnlySpan<byte> body)
    {
        Response response = Send(command, body);
        if (response.Status != ProvisioningStatus.Ok)
        {
            throw new ProvisioningException($"node refused {command}: {response.Describe()}", response);
        }

        return response;
    }

    public (int Version, int MaxMessageBytes, int MaxChunkBytes, int MaxFileBytes) Hello()
    {
        byte[] b = Expect(ProvisioningCommand.Hello, default).Body;
        return (b[0], Wire.ReadU16(b, 1), Wire.ReadU16(b, 3), Wire.ReadU16(b, 5));
    }

    public DeviceInfo Info()
    {
        byte[] b = Expect(ProvisioningCommand.Info, default).Body;
        int at = 5;
        string nodeId = ShortText(b, ref at);
        string firmware = ShortText(b, ref at);
        string profile = ShortText(b, ref at);
        return new DeviceInfo(b[0] == 1, Wire.ReadU32(b, 1), nodeId, firmware, profile);
    }

    /// <summary>Committed config as name → value: text, int, bool; secrets and files as "set" / "not set".</summary>
    public SortedDictionary<int, object> GetConfig()
    {
        var values = new SortedDictionary<int, object>();
        int start = ConfigFields.FirstSettable;
        while (start != 0)
        {
            byte[] b = Expect(ProvisioningCommand.GetConfig, new[] { (byte)start }).Body;
            int at = 1;
            while (at + 2 <= b.Length)
            {
                int id = b[at];
                int len = b[at + 1];
                int v = at + 2;
                at = v + len;
                values[id] = ConfigFields.IsSecret(id) || ConfigFields.Kind(id) == FieldKind.File
                    ? (b[v] == 1 ? "set" : "not set")
                    : ConfigFields.Kind(id) switch
                    {
                        FieldKind.Integer => Wire.ReadI32(b, v),
                        FieldKind.Boolean => b[v] == 1,
                        _ => Encoding.UTF8.GetString(b, v, len),
                    };
            }

            start = b[0];
        }

        return values;
    }

    public void SetConfig(NodeConfig config)
    {
        foreach (byte[] body in Requests.SetConfigBodies(config))
        {
            Expect(ProvisioningCommand.SetConfig, body);
        }
    }

    /// <summary>Uploads one file in chunks; progress gets (sent, total).</summary>
    public void PutFile(ConfigField kind, byte[] content, int chunkBytes, Action<int, int>? progress = null)
    {
        Expect(ProvisioningCommand.FileBegin, Requests.FileBeginBody(kind, content));
        int offset = 0;
        while (offset < content.Length)
        {
            int n = Math.Min(chunkBytes, content.Length - offset);
            Response r = Send(ProvisioningCommand.FileChunk, Requests.FileChunkBody(kind, offset, content.AsSpan(offset, n)));
            // A resent chunk whose first answer was lost: the node already has it and says where it is.
            bool alreadyThere = r.Status == ProvisioningStatus.BadOffset && r.Body.Length == 5 && Wire.ReadU32(r.Body, 1) == (uint)(offset + n);
            if (r.Status != ProvisioningStatus.Ok && !alreadyThere)
            {
                throw new ProvisioningException($"node refused a chunk of {ConfigFields.Name((int)kind)} at byte {offset}: {r.Describe()}", r);
            }

            offset += n;
            progress?.Invoke(offset, content.Length);
        }

        Expect(ProvisioningCommand.FileEnd, new[] { (byte)kind });
    }

    private static string ShortText(byte[] b, ref int at)
    {
        int len = b[at];
        string s = Encoding.UTF8.GetString(b, at + 1, len);
        at += 1 + len;
        return s;
    }

    private Response? Await(ProvisioningCommand command, ushort sequence)
    {
        long deadline = Environment.TickCount64 + _timeoutMilliseconds;
        while (true)
        {
            int remaining = (int)(deadline - Environment.TickCount64);
            if (remaining <= 0)
            {
                return null;
            }

            int n = _link.Read(_rx, 0, _rx.Length, Math.Min(remaining, 200));
            if (n < 0)
            {
                throw new ProvisioningException("the serial link closed");
            }

            for (int i = 0; i < n; i++)
            {
                if (_decoder.Feed(_rx[i]) != FrameStatus.Ready || _decoder.MessageLength < 5)
                {
                    continue;
                }

                var response = new Response(_decoder.Buffer.AsSpan(0, _decoder.MessageLength).ToArray());
                if (response.Sequence == sequence && response.Command == command)
                {
                    return response;
                }
            }
        }
    }
}
