using SensorNode.Core.Checksums;
using SensorNode.Core.Config;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// The persisted configuration (docs/spec/config-blob.md): "SNCF", format version, payload length,
    /// config version, TLV records (secrets included), CRC-32. Encodes into and decodes from caller buffers.
    /// </summary>
    public static class ConfigBlob
    {
        /// <summary>Format version written and accepted.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Header bytes before the payload.</summary>
        public const int HeaderBytes = 12;

        /// <summary>Largest blob, in bytes.</summary>
        public const int MaxBytes = 2048;

        /// <summary>Encodes the config and file references; returns the blob length, or -1 when it does not fit.</summary>
        public static int Encode(NodeConfig c, FileSet files, byte[] b)
        {
            int limit = b.Length - 4;
            b[0] = (byte)'S';
            b[1] = (byte)'N';
            b[2] = (byte)'C';
            b[3] = (byte)'F';
            b[4] = FormatVersion;
            b[5] = 0;
            Wire.WriteU32(b, 8, (uint)c.ConfigVersion);
            int at = HeaderBytes;
            for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
            {
                at = ConfigTlv.Write(c, id, b, at, limit);
                if (at < 0)
                {
                    return -1;
                }
            }

            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                string name = ConfigFields.GetText(c, FileSet.FieldOf(kind));
                if (name.Length == 0)
                {
                    continue;
                }

                if (at + 10 > limit)
                {
                    return -1;
                }

                int v = Wire.WriteU32(b, at + 2, (uint)files.Lengths[kind]);
                v = Wire.WriteU32(b, v, files.Crcs[kind]);
                v = Utf8.Encode(name, b, v, limit < at + 257 ? limit : at + 257);
                if (v < 0)
                {
                    return -1;
                }

                b[at] = (byte)FileSet.FieldOf(kind);
                b[at + 1] = (byte)(v - at - 2);
                at = v;
            }

            Wire.WriteU16(b, 6, at - HeaderBytes);
            Wire.WriteU32(b, at, Crc32.Compute(b, 0, at));
            return at + 4;
        }

        /// <summary>Decodes a blob into target (starting from defaults for absent fields) and its file references.</summary>
        public static BlobStatus Decode(byte[] b, int length, NodeConfig target, FileSet files, char[] chars, ConfigProblem problem)
        {
            if (length < HeaderBytes + 4)
            {
                return BlobStatus.TooShort;
            }

            if (b[0] != 'S' || b[1] != 'N' || b[2] != 'C' || b[3] != 'F')
            {
                return BlobStatus.BadMagic;
            }

            if (b[4] != FormatVersion)
            {
                return BlobStatus.UnsupportedVersion;
            }

            int payload = Wire.ReadU16(b, 6);
            if (HeaderBytes + payload + 4 != length)
            {
                return BlobStatus.BadLength;
            }

            int end = HeaderBytes + payload;
            if (Crc32.Compute(b, 0, end) != Wire.ReadU32(b, end))
            {
                return BlobStatus.BadCrc;
            }

            ConfigFields.CopyAll(new NodeConfig(), target);
            for (int kind = 0; kind < FileSet.Count; kind++)
            {
                files.Lengths[kind] = 0;
                files.Crcs[kind] = 0;
            }

            target.ConfigVersion = (int)Wire.ReadU32(b, 8);
            int at = HeaderBytes;
            while (at < end)
            {
                if (at + 2 > end || at + 2 + b[at + 1] > end)
                {
                    return BlobStatus.BadRecord;
                }

                int id = b[at];
                int len = b[at + 1];
                int v = at + 2;
                at = v + len;
                if (id >= ConfigFields.FirstFile && id <= ConfigFields.LastFile)
                {
                    int kind = id - ConfigFields.FirstFile;
                    int n = len < 9 ? -1 : Utf8.Decode(b, v + 8, len - 8, chars);
                    if (n <= 0)
                    {
                        return BlobStatus.BadRecord;
                    }

                    files.Lengths[kind] = (int)Wire.ReadU32(b, v);
                    files.Crcs[kind] = Wire.ReadU32(b, v + 4);
                    ConfigFields.SetText(target, id, new string(chars, 0, n));
                }
                else if (ConfigFields.IsKnown(id) && ConfigTlv.Read(b, v, len, id, target, chars, problem) != ProvisioningStatus.Ok)
                {
                    return problem.Status == ProvisioningStatus.InvalidValue || problem.Status == ProvisioningStatus.MissingValue ? BlobStatus.InvalidConfig : BlobStatus.BadRecord;
                }

                // Unknown ids are skipped: later firmware of format version 1 may add fields.
            }

            return ConfigValidator.CheckAll(target, problem) == ProvisioningStatus.Ok ? BlobStatus.Ok : BlobStatus.InvalidConfig;
        }
    }
}
