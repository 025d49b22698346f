using System;
using System.Collections.Generic;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>
/// The host side of the provisioning protocol over any <see cref="ISerialLink"/>: one request at a time,
/// responses matched by sequence id, resent on timeout (docs/spec/provisioning.md §3). The node is a hostile
/// peer (§4.8): every reply is bounds-checked, every wait is limited in bytes and time, the whole session has
/// a deadline, and every failure is a <see cref="ProvisioningException"/> with one line for a person.
/// </summary>
public sealed class ProvisioningClient
{
    /// <summary>Bytes taken from the node while waiting for one reply before it counts as flooding (64 largest frames).</summary>
    public const int MaxBytesPerReply = 64 * ProvisioningLimits.MaxEncodedBytes;

    /// <summary>Default deadline of a whole session, in milliseconds.</summary>
    public const long DefaultSessionMilliseconds = 10 * 60 * 1000;

    /// <summary>Most get-config pages: each must advance by at least one field id (§4.6).</summary>
    public const int MaxConfigPages = ConfigFields.LastFile - ConfigFields.FirstSettable + 1;

    private readonly ISerialLink _link;
    private readonly FrameDecoder _decoder;
    private readonly int _timeoutMilliseconds;
    private readonly int _attempts;
    private readonly long _sessionMilliseconds;
    private readonly long _sessionDeadline;
    private readonly byte[] _tx = new byte[ProvisioningLimits.MaxEncodedBytes];
    private readonly byte[] _rx = new byte[256];
    private ushort _sequence;

    public ProvisioningClient(ISerialLink link, int timeoutMilliseconds = 2000, int attempts = 3, long sessionMilliseconds = DefaultSessionMilliseconds)
    {
        _link = link;
        _decoder = new FrameDecoder(new SensorNode.Host.Simulation.SystemClock());
        _timeoutMilliseconds = timeoutMilliseconds;
        _attempts = attempts;
        _sessionMilliseconds = sessionMilliseconds;
        _sessionDeadline = Environment.TickCount64 + sessionMilliseconds;
        _sequence = (ushort)Random.Shared.Next(1, 0x8000);
    }

    /// <summary>Sends a request and returns the node's response (any status); throws when the node never answers, floods or runs out of time.</summary>
    public Response Send(ProvisioningCommand command, ReadOnlySpan<byte> body)
    {
        ushort sequence = ++_sequence;
        byte[] message = Requests.Build(command, sequence, body);
        int length = FrameEncoder.Encode(message, 0, message.Length, _tx, 0);
        for (int attempt = 0; attempt < _attempts; attempt++)
        {
            CheckSessionDeadline(command);
            Write(command, length);
            Response? response = Await(command, sequence);
            if (response != null)
            {
                if (response.Version != ProvisioningLimits.ProtocolVersion)
                {
                    throw new ProvisioningException($"the node answered {CommandNames.Of(command)} with protocol version {response.Version}, not {ProvisioningLimits.ProtocolVersion}; {ReplyReader.Advice}", response);
                }

                return response;
            }
        }

        CheckSessionDeadline(command);
        throw new ProvisioningException($"no answer from the node to {CommandNames.Of(command)} after {_attempts} tries; check the port, the wiring and that the node's provisioning console is running");
    }

    /// <summary>Sends and requires Ok.</summary>
    public Response Expect(ProvisioningCommand command, ReadOnlySpan<byte> body)
    {
        Response response = Send(command, body);
        if (response.Status != ProvisioningStatus.Ok)
        {
            throw new ProvisioningException($"node refused {CommandNames.Of(command)}: {response.Describe()}", response);
        }

        return response;
    }

    /// <summary>
    /// The node's version and limits. MaxChunkBytes and MaxFileBytes are what the node advertised (≥ 1), capped at
    /// this host's own limits (448 and 8192 bytes); a reply outside §4.8's ranges throws.
    /// </summary>
    public (int Version, int MaxMessageBytes, int MaxChunkBytes, int MaxFileBytes) Hello()
    {
        var r = new ReplyReader(ProvisioningCommand.Hello, Expect(ProvisioningCommand.Hello, default).Body);
        int version = r.U8("version");
        int maxMessage = r.U16("max message");
        int maxChunk = r.U16("max chunk");
        int maxFile = r.U16("max file");
        r.End();
        if (version != ProvisioningLimits.ProtocolVersion)
        {
            throw r.Fail($"version is {version}, this host speaks {ProvisioningLimits.ProtocolVersion}");
        }

        if (maxMessage < ProvisioningLimits.MaxMessageBytes)
        {
            throw r.Fail($"max message is {maxMessage} bytes; protocol {ProvisioningLimits.ProtocolVersion} needs {ProvisioningLimits.MaxMessageBytes}");
        }

        if (maxChunk < 1)
        {
            throw r.Fail("max chunk is 0 bytes; a file could never be sent");
        }

        if (maxFile < 1)
        {
            throw r.Fail("max file is 0 bytes");
        }

        return (version, maxMessage, Math.Min(maxChunk, ProvisioningLimits.MaxChunkBytes), Math.Min(maxFile, ProvisioningLimits.MaxFileBytes));
    }

    public DeviceInfo Info()
    {
        var r = new ReplyReader(ProvisioningCommand.Info, Expect(ProvisioningCommand.Info, default).Body);
        bool provisioned = r.Flag("provisioned");
        uint version = r.U32("config version");
        string nodeId = r.ShortText("node id");
        string firmware = r.ShortText("firmware version");
        string profile = r.ShortText("hardware profile");
        r.End();
        return new DeviceInfo(provisioned, version, nodeId, firmware, profile);
    }

    /// <summary>
    /// Committed config as field id → value: text, int, bool; secrets and files as "set" / "not set". Each page
    /// must hold known fields in increasing id order and continue after them; at most <see cref="MaxConfigPages"/> pages.
    /// </summary>
    public SortedDictionary<int, object> GetConfig()
    {
        var values = new SortedDictionary<int, object>();
        int start = ConfigFields.FirstSettable;
        int last = 0;
        for (int page = 0; start != 0; page++)
        {
            var r = new ReplyReader(ProvisioningCommand.GetConfig, Expect(ProvisioningCommand.GetConfig, new[] { (byte)start }).Body);
            if (page >= MaxConfigPages)
            {
                throw r.Fail($"it still continues after {MaxConfigPages} pages");
            }

            int next = r.U8("next field id");
            while (r.Remaining > 0)
            {
                int id = r.U8("a field id");
                if (!ConfigFields.IsKnown(id))
                {
                    throw r.Fail($"it holds field id {id}, which protocol {ProvisioningLimits.ProtocolVersion} does not define");
                }

                string name = ConfigFields.Name(id);
                if (id < start || id <= last)
                {
                    throw r.Fail($"{name} ({id}) is out of order (asked from field {start}, after field {last})");
                }

                values[id] = Value(r, id, name, r.U8($"the length of {name}"));
                last = id;
            }

            if (next != 0 && (next <= start || next <= last || next > ConfigFields.LastFile))
            {
                throw r.Fail($"next field id {next} does not continue after field {Math.Max(start, last)}, so the same page would be asked for again");
            }

            start = next;
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

    /// <summary>Commits the staged configuration; returns the new config version (≥ 1).</summary>
    public uint Commit()
    {
        var r = new ReplyReader(ProvisioningCommand.Commit, Expect(ProvisioningCommand.Commit, default).Body);
        uint version = r.U32("new config version");
        r.End();
        if (version == 0)
        {
            throw r.Fail("new config version is 0");
        }

        return version;
    }

    /// <summary>
    /// Discards everything staged since the last commit (§4.7); returns the field ids of the staged files that
    /// were deleted, or null when the node's firmware predates the command (it answered UnknownCommand).
    /// </summary>
    public IReadOnlyList<int>? DiscardStaged()
    {
        Response response = Send(ProvisioningCommand.DiscardStaged, default);
        if (response.Status == ProvisioningStatus.UnknownCommand)
        {
            return null;
        }

        if (response.Status != ProvisioningStatus.Ok)
        {
            throw new ProvisioningException($"node refused discard-staged: {response.Describe()}", response);
        }

        var r = new ReplyReader(ProvisioningCommand.DiscardStaged, response.Body);
        int mask = r.U8("discarded files");
        r.End();
        if (mask >> FileSet.Count != 0)
        {
            throw r.Fail($"discarded files is 0x{mask:x2}; only bits 0 to {FileSet.Count - 1} name a file kind");
        }

        var fields = new List<int>();
        for (int kind = 0; kind < FileSet.Count; kind++)
        {
            if ((mask & (1 << kind)) != 0)
            {
                fields.Add(FileSet.FieldOf(kind));
            }
        }

        return fields;
    }

    /// <summary>
    /// Stages the removal of one committed file (§4.9); it takes effect at commit. Returns the reply's flags (bit 0:
    /// a committed file will be removed, bit 1: a staged upload was dropped), or null when the node's firmware
    /// predates the command (it answered UnknownCommand).
    /// </summary>
    public int? RemoveFile(ConfigField kind)
    {
        Response response = Send(ProvisioningCommand.RemoveFile, new[] { (byte)kind });
        if (response.Status == ProvisioningStatus.UnknownCommand)
        {
            return null;
        }

        if (response.Status != ProvisioningStatus.Ok)
        {
            throw new ProvisioningException($"node refused to remove {ConfigFields.Name((int)kind)}: {response.Describe()}", response);
        }

        var r = new ReplyReader(ProvisioningCommand.RemoveFile, response.Body);
        int flags = r.U8("removed");
        r.End();
        if (flags >> 2 != 0)
        {
            throw r.Fail($"removed is 0x{flags:x2}; only bits 0 and 1 are defined");
        }

        return flags;
    }

    /// <summary>Uploads one file in chunks of 1..448 bytes; progress gets (sent, total).</summary>
    public void PutFile(ConfigField kind, byte[] content, int chunkBytes, Action<int, int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        chunkBytes = Math.Min(chunkBytes, ProvisioningLimits.MaxChunkBytes);
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

    /// <summary>One get-config record's value, checked against its field's kind (§4.6).</summary>
    private static object Value(ReplyReader r, int id, string name, int length)
    {
        bool flagOnly = ConfigFields.IsSecret(id) || ConfigFields.Kind(id) == FieldKind.File;
        FieldKind kind = ConfigFields.Kind(id);
        int expected = flagOnly || kind == FieldKind.Boolean ? 1 : kind == FieldKind.Integer ? 4 : -1;
        if (expected > 0 && length != expected)
        {
            throw r.Fail($"{name} is {length} bytes long; it must be {expected}");
        }

        if (flagOnly)
        {
            return r.Flag(name) ? "set" : "not set";
        }

        return kind switch
        {
            FieldKind.Integer => r.I32(name),
            FieldKind.Boolean => r.Flag(name),
            _ => r.Text(name, length, ProvisioningLimits.MaxStringBytes),
        };
    }

    private void Write(ProvisioningCommand command, int length)
    {
        try
        {
            _link.Write(_tx, 0, length);
        }
        catch (Exception ex) when (ex is TimeoutException or System.IO.IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new ProvisioningException($"cannot send {CommandNames.Of(command)} to the node: the serial port does not take the bytes ({ex.GetType().Name}); check the port, the wiring and the baud rate");
        }
    }

    private void CheckSessionDeadline(ProvisioningCommand command)
    {
        if (Environment.TickCount64 >= _sessionDeadline)
        {
            throw new ProvisioningException($"the node answers too slowly: the session ran out of its {_sessionMilliseconds / 1000} s before {CommandNames.Of(command)} was answered; check the baud rate and the wiring, then try again");
        }
    }

    /// <summary>Waits for the response to one request: at most the response timeout (and the session's deadline) and <see cref="MaxBytesPerReply"/> bytes.</summary>
    private Response? Await(ProvisioningCommand command, ushort sequence)
    {
        long deadline = Math.Min(Environment.TickCount64 + _timeoutMilliseconds, _sessionDeadline);
        long received = 0;
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
                throw new ProvisioningException($"the serial port closed while waiting for the node's answer to {CommandNames.Of(command)}; check that the adapter is still plugged in and run the command again");
            }

            received += n;
            if (received > MaxBytesPerReply)
            {
                throw new ProvisioningException($"the node sent more than {MaxBytesPerReply} bytes without answering {CommandNames.Of(command)}; it is flooding the line: {ReplyReader.Advice}");
            }

            for (int i = 0; i < n; i++)
            {
                // A response is at least a header and has the response bit (§3); an echo of the request is not one.
                if (_decoder.Feed(_rx[i]) != FrameStatus.Ready || _decoder.MessageLength < 5 || (_decoder.Buffer[1] & 0x80) == 0)
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
