using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// The node side of provisioning (docs/spec/provisioning.md §3-§6): handles one request message and
    /// writes one response message. Stages configuration fields and files, validates, commits through
    /// <see cref="ConfigStore"/>. Framing is <see cref="ProvisioningSession"/>'s job. Buffers are allocated
    /// in the constructor; only set-config text values (the configuration itself) allocate strings.
    /// </summary>
    public sealed class ProvisioningConsole
    {
        private const int RequestHeader = 4;
        private const int ResponseHeader = 5;

        private readonly IFileStore _store;
        private readonly ConfigStore _configs;
        private readonly DeviceIdentity _identity;
        private readonly NodeConfig _committed = new NodeConfig();
        private readonly NodeConfig _staged = new NodeConfig();
        private readonly NodeConfig _scratch = new NodeConfig();
        private readonly ConfigProblem _problem = new ConfigProblem();
        private readonly char[] _chars = new char[ProvisioningLimits.MaxStringBytes + 2];
        private bool _provisioned;
        private int _transferKind = -1;
        private int _transferLength;
        private uint _transferCrc;
        private int _received;

        /// <summary>Creates the console and loads the committed configuration, if any.</summary>
        public ProvisioningConsole(IFileStore store, DeviceIdentity identity)
        {
            _store = store;
            _configs = new ConfigStore(store);
            _identity = identity;
            _provisioned = _configs.Load(_committed) != ConfigLoadStatus.Unprovisioned;
            ResetStaging();
        }

        /// <summary>True once a configuration is committed (or was loaded at start).</summary>
        public bool IsProvisioned
        {
            get { return _provisioned; }
        }

        /// <summary>Set when a reboot request was answered; the caller reboots after flushing the response.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>Raised by a successful commit (or factory reset); the caller may leave the console.</summary>
        public int CommitCount { get; private set; }

        /// <summary>The committed configuration (meaningful when <see cref="IsProvisioned"/>).</summary>
        public NodeConfig Committed
        {
            get { return _committed; }
        }

        /// <summary>Handles one request; returns the response length in response (0: no response, the request was shorter than a header).</summary>
        public int Handle(byte[] request, int length, byte[] response)
        {
            if (length < RequestHeader)
            {
                return 0;
            }

            byte command = request[1];
            response[0] = ProvisioningLimits.ProtocolVersion;
            response[1] = (byte)(command | 0x80);
            response[2] = request[2];
            response[3] = request[3];
            int end;
            ProvisioningStatus status;
            _problem.Clear();
            if (request[0] != ProvisioningLimits.ProtocolVersion)
            {
                status = ProvisioningStatus.UnsupportedVersion;
                response[ResponseHeader] = ProvisioningLimits.ProtocolVersion;
                end = ResponseHeader + 1;
            }
            else
            {
                end = ResponseHeader;
                try
                {
                    status = Dispatch(command, request, RequestHeader, length - RequestHeader, response, ref end);
                }
                catch (IOException)
                {
                    status = _problem.Set(ProvisioningStatus.StorageError, 0, "storage failed");
                    end = ResponseHeader;
                }

                if (status != ProvisioningStatus.Ok && end == ResponseHeader && _problem.Status == status)
                {
                    response[end++] = (byte)_problem.FieldId;
                    end = Wire.WriteAscii(response, end, _problem.Message, ProvisioningLimits.MaxMessageBytes);
                }
            }

            response[4] = (byte)status;
            return end;
        }

        private ProvisioningStatus Dispatch(byte command, byte[] q, int at, int count, byte[] r, ref int end)
        {
            switch (command)
            {
                case (byte)ProvisioningCommand.Hello:
                    r[end++] = ProvisioningLimits.ProtocolVersion;
                    end = Wire.WriteU16(r, end, ProvisioningLimits.MaxMessageBytes);
                    end = Wire.WriteU16(r, end, ProvisioningLimits.MaxChunkBytes);
                    end = Wire.WriteU16(r, end, ProvisioningLimits.MaxFileBytes);
                    return ProvisioningStatus.Ok;
                case (byte)ProvisioningCommand.Info:
                    end = WriteInfo(r, end);
                    return ProvisioningStatus.Ok;
                case (byte)ProvisioningCommand.SetConfig:
                    return SetConfig(q, at, count);
                case (byte)ProvisioningCommand.FileBegin:
                    return FileBegin(q, at, count);
                case (byte)ProvisioningCommand.FileChunk:
                    return FileChunk(q, at, count, r, ref end);
                case (byte)ProvisioningCommand.FileEnd:
                    return FileEnd(q, at, count);
                case (byte)ProvisioningCommand.Validate:
                    return count != 0 ? Malformed() : ConfigValidator.CheckAll(_staged, _problem);
                case (byte)ProvisioningCommand.Commit:
                    return Commit(count, r, ref end);
                case (byte)ProvisioningCommand.GetConfig:
                    return GetConfig(q, at, count, r, ref end);
                case (byte)ProvisioningCommand.Reboot:
                    RebootRequested = count == 0;
                    return count != 0 ? Malformed() : ProvisioningStatus.Ok;
                case (byte)ProvisioningCommand.FactoryReset:
                    if (count != 0)
                    {
                        return Malformed();
                    }

                    _configs.FactoryReset();
                    _provisioned = false;
                    ConfigFields.CopyAll(new NodeConfig(), _committed);
                    ResetStaging();
                    CommitCount++;
                    return ProvisioningStatus.Ok;
                case (byte)ProvisioningCommand.DiscardStaged:
                    return count != 0 ? Malformed() : DiscardStaged(r, ref end);
                case (byte)ProvisioningCommand.RemoveFile:
                    return RemoveFile(q, at, count, r, ref end);
                default:
                    return _problem.Set(ProvisioningStatus.UnknownCommand, 0, "unknown command");
            }
        }

        private ProvisioningStatus Malformed()
        {
            return _problem.Set(ProvisioningStatus.Malformed, 0, "malformed request body");
        }

        private int WriteInfo(byte[] r, int end)
        {
            int limit = ProvisioningLimits.MaxMessageBytes;
            r[end++] = (byte)(_provisioned ? 1 : 0);
            end = Wire.WriteU32(r, end, (uint)(_provisioned ? _committed.ConfigVersion : 0));
            end = WriteShortText(_provisioned ? _committed.NodeId : _identity.DefaultNodeId, r, end, limit);
            end = WriteShortText(_identity.FirmwareVersion, r, end, limit);
            return WriteShortText(_identity.HardwareProfile, r, end, limit);
        }

        private static int WriteShortText(string text, byte[] r, int at, int limit)
        {
            int v = Utf8.Encode(text, r, at + 1, at + 1 + 64 < limit ? at + 1 + 64 : limit);
            if (v < 0)
            {
                v = at + 1;
            }

            r[at] = (byte)(v - at - 1);
            return v;
        }

        private ProvisioningStatus SetConfig(byte[] q, int at, int count)
        {
            // All records or none (§4.3): apply to a scratch copy, keep it only when every record is good.
            ConfigFields.CopyAll(_staged, _scratch);
            int end = at + count;
            while (at < end)
            {
                if (at + 2 > end || at + 2 + q[at + 1] > end)
                {
                    return Malformed();
                }

                if (ConfigTlv.Read(q, at + 2, q[at + 1], q[at], _scratch, _chars, _problem) != ProvisioningStatus.Ok)
                {
                    return _problem.Status;
                }

                at += 2 + q[at + 1];
            }

            ConfigFields.CopyAll(_scratch, _staged);
            return ProvisioningStatus.Ok;
        }

        private ProvisioningStatus FileBegin(byte[] q, int at, int count)
        {
            if (count != 9)
            {
                return Malformed();
            }

            int kind = q[at] - ConfigFields.FirstFile;
            if (kind < 0 || kind >= FileSet.Count)
            {
                return _problem.Set(ProvisioningStatus.UnknownFileKind, q[at], "unknown file kind");
            }

            uint length = Wire.ReadU32(q, at + 1);
            if (length == 0 || length > ProvisioningLimits.MaxFileBytes)
            {
                return _problem.Set(ProvisioningStatus.FileTooLarge, q[at], "file must be 1 to 8192 bytes");
            }

            // Un-stage this kind: the staged config falls back to the committed file until file-end succeeds.
            int field = FileSet.FieldOf(kind);
            ConfigFields.SetText(_staged, field, ConfigFields.GetText(_committed, field));
            _store.Delete(FileSet.StagedName(kind));
            _transferKind = kind;
            _transferLength = (int)length;
            _transferCrc = Wire.ReadU32(q, at + 5);
            _received = 0;
            return ProvisioningStatus.Ok;
        }

        private ProvisioningStatus FileChunk(byte[] q, int at, int count, byte[] r, ref int end)
        {
            if (count < 6 || count - 5 > ProvisioningLimits.MaxChunkBytes)
            {
                return Malformed();
            }

            int kind = q[at] - ConfigFields.FirstFile;
            if (kind != _transferKind || _transferKind < 0)
            {
                return _problem.Set(ProvisioningStatus.NoTransfer, q[at], "no transfer of this file is in progress");
            }

            uint offset = Wire.ReadU32(q, at + 1);
            int data = count - 5;
            if (offset != (uint)_received || _received + data > _transferLength)
            {
                r[end++] = q[at];
                end = Wire.WriteU32(r, end, (uint)_received);
                return ProvisioningStatus.BadOffset;
            }

            _store.Append(FileSet.StagedName(kind), q, at + 5, data);
            _received += data;
            return ProvisioningStatus.Ok;
        }

        private ProvisioningStatus FileEnd(byte[] q, int at, int count)
        {
            if (count != 1)
            {
                return Malformed();
            }

            int kind = q[at] - ConfigFields.FirstFile;
            if (kind != _transferKind || _transferKind < 0)
            {
                return _problem.Set(ProvisioningStatus.NoTransfer, q[at], "no transfer of this file is in progress");
            }

            _transferKind = -1;
            string staged = FileSet.StagedName(kind);
            uint crc = _configs.FileCrc(staged, out int length);
            if (length != _transferLength || crc != _transferCrc)
            {
                _store.Delete(staged);
                return _problem.Set(ProvisioningStatus.FileCrcMismatch, q[at], "received file differs from the announced length or CRC-32; send it again");
            }

            ConfigFields.SetText(_staged, FileSet.FieldOf(kind), staged);
            return ProvisioningStatus.Ok;
        }

        private ProvisioningStatus Commit(int count, byte[] r, ref int end)
        {
            if (count != 0)
            {
                return Malformed();
            }

            ConfigFields.CopyAll(_staged, _scratch);
            if (_configs.Commit(_scratch, _problem) != ProvisioningStatus.Ok)
            {
                return _problem.Status;
            }

            ConfigFields.CopyAll(_scratch, _committed);
            _provisioned = true;
            ResetStaging();
            CommitCount++;
            end = Wire.WriteU32(r, end, (uint)_committed.ConfigVersion);
            return ProvisioningStatus.Ok;
        }

        private ProvisioningStatus GetConfig(byte[] q, int at, int count, byte[] r, ref int end)
        {
            if (count > 1)
            {
                return Malformed();
            }

            if (!_provisioned)
            {
                return _problem.Set(ProvisioningStatus.NotProvisioned, 0, "the node has no configuration");
            }

            int first = count == 1 ? q[at] : ConfigFields.FirstSettable;
            int nextAt = end++;
            int next = 0;
            int limit = ProvisioningLimits.MaxMessageBytes;
            for (int id = first; id <= ConfigFields.LastFile; id++)
            {
                if (!ConfigFields.IsKnown(id))
                {
                    continue;
                }

                // Secrets and files: only whether they are set (§4.6).
                int after = ConfigFields.IsSecret(id) || ConfigFields.Kind(id) == FieldKind.File
                    ? ConfigTlv.WriteFlag(_committed, id, r, end, limit)
                    : ConfigTlv.Write(_committed, id, r, end, limit);
                if (after < 0)
                {
                    next = id;
                    break;
                }

                end = after;
            }

            r[nextAt] = (byte)next;
            return ProvisioningStatus.Ok;
        }

        /// <summary>
        /// §4.7: deletes every staged file (also one left by an earlier boot), ends any transfer and stages the
        /// committed configuration (or the defaults) again. Answers a bit mask of the staged files that existed.
        /// </summary>
        private ProvisioningStatus DiscardStaged(byte[] r, ref int end)
        {
            int discarded = 0;
            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                string staged = FileSet.StagedName(kind);
                if (_store.Length(staged) >= 0)
                {
                    _store.Delete(staged);
                    discarded |= 1 << kind;
                }
            }

            ResetStaging();
            r[end++] = (byte)discarded;
            return ProvisioningStatus.Ok;
        }

        /// <summary>
        /// §4.9: stages "no file" for one kind, so that commit writes a configuration without it; ends a transfer of
        /// that kind and deletes its staged upload. Answers bit 0: a committed file of that kind will be removed at
        /// commit; bit 1: a staged upload (or a transfer) of that kind was dropped. Neither: Ok, nothing to remove.
        /// </summary>
        private ProvisioningStatus RemoveFile(byte[] q, int at, int count, byte[] r, ref int end)
        {
            if (count != 1)
            {
                return Malformed();
            }

            int kind = q[at] - ConfigFields.FirstFile;
            if (kind < 0 || kind >= FileSet.Count)
            {
                return _problem.Set(ProvisioningStatus.UnknownFileKind, q[at], "unknown file kind");
            }

            int field = FileSet.FieldOf(kind);
            string staged = FileSet.StagedName(kind);
            int removed = ConfigFields.GetText(_committed, field).Length > 0 ? 1 : 0;
            if (_transferKind == kind || _store.Length(staged) >= 0)
            {
                removed |= 2;
            }

            // The staged configuration stops referencing the file first: a failed delete leaves an orphan that no
            // commit takes over and the next discard-staged or file-begin deletes.
            ConfigFields.SetText(_staged, field, string.Empty);
            if (_transferKind == kind)
            {
                _transferKind = -1;
            }

            _store.Delete(staged);
            r[end++] = (byte)removed;
            return ProvisioningStatus.Ok;
        }

        private void ResetStaging()
        {
            ConfigFields.CopyAll(_committed, _staged);
            _transferKind = -1;
        }
    }
}
