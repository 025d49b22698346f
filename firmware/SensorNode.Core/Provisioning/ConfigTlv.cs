using SensorNode.Core.Config;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// One configuration record: id (1 byte), length (1 byte), value (docs/spec/provisioning.md §4.3).
    /// Text is UTF-8, integers are 4-byte little-endian, booleans one byte 0/1.
    /// </summary>
    public static class ConfigTlv
    {
        /// <summary>Writes the record of a settable field; returns the position after it, or -1 when it does not fit.</summary>
        public static int Write(NodeConfig c, int id, byte[] b, int at, int limit)
        {
            if (at + 2 > limit)
            {
                return -1;
            }

            FieldKind kind = ConfigFields.Kind(id);
            int v = at + 2;
            if (kind == FieldKind.Integer)
            {
                if (v + 4 > limit)
                {
                    return -1;
                }

                v = Wire.WriteU32(b, v, (uint)ConfigFields.GetInt(c, id));
            }
            else if (kind == FieldKind.Boolean)
            {
                if (v + 1 > limit)
                {
                    return -1;
                }

                b[v++] = (byte)ConfigFields.GetInt(c, id);
            }
            else
            {
                int limited = limit < v + 255 ? limit : v + 255;
                v = Utf8.Encode(ConfigFields.GetText(c, id), b, v, limited);
                if (v < 0)
                {
                    return -1;
                }
            }

            b[at] = (byte)id;
            b[at + 1] = (byte)(v - at - 2);
            return v;
        }

        /// <summary>Writes a secret or file as a 1-byte "set" flag (get-config); returns the position after it, or -1.</summary>
        public static int WriteFlag(NodeConfig c, int id, byte[] b, int at, int limit)
        {
            if (at + 3 > limit)
            {
                return -1;
            }

            b[at] = (byte)id;
            b[at + 1] = 1;
            b[at + 2] = (byte)(ConfigFields.GetText(c, id).Length > 0 ? 1 : 0);
            return at + 3;
        }

        /// <summary>Decodes a settable field's value into the config and checks it; the status says what was wrong.</summary>
        public static ProvisioningStatus Read(byte[] b, int at, int length, int id, NodeConfig target, char[] chars, ConfigProblem problem)
        {
            FieldKind kind = ConfigFields.Kind(id);
            if (id < ConfigFields.FirstSettable || id > ConfigFields.LastSettable)
            {
                return problem.Set(ProvisioningStatus.UnknownField, id, "is not a settable field");
            }

            if (kind == FieldKind.Integer)
            {
                if (length != 4)
                {
                    return problem.Set(ProvisioningStatus.InvalidValue, id, "must be a 4-byte integer");
                }

                ConfigFields.SetInt(target, id, Wire.ReadI32(b, at));
            }
            else if (kind == FieldKind.Boolean)
            {
                if (length != 1 || b[at] > 1)
                {
                    return problem.Set(ProvisioningStatus.InvalidValue, id, "must be one byte, 0 or 1");
                }

                ConfigFields.SetInt(target, id, b[at]);
            }
            else
            {
                if (length > ConfigFields.Max(id))
                {
                    return problem.Set(ProvisioningStatus.InvalidValue, id, "must be between " + ConfigFields.Min(id) + " and " + ConfigFields.Max(id) + " bytes long");
                }

                int n = Utf8.Decode(b, at, length, chars);
                if (n < 0)
                {
                    return problem.Set(ProvisioningStatus.InvalidValue, id, "is not valid UTF-8 text");
                }

                ConfigFields.SetText(target, id, n == 0 ? string.Empty : new string(chars, 0, n));
            }

            return ConfigValidator.CheckField(target, id, problem);
        }
    }
}
