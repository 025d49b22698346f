using SensorNode.Core.Config;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Validates a <see cref="NodeConfig"/> field by field and as a whole, in the order of
    /// docs/spec/provisioning.md §6. The node runs it on set-config, validate and commit; the host CLI runs
    /// the very same code before sending anything (as MCUboot's imgtool shares bootutil's checks).
    /// Messages name no secret values.
    /// </summary>
    public static class ConfigValidator
    {
        /// <summary>Checks one field's value on its own.</summary>
        public static ProvisioningStatus CheckField(NodeConfig c, int id, ConfigProblem problem)
        {
            FieldKind kind = ConfigFields.Kind(id);
            if (kind == FieldKind.Integer || kind == FieldKind.Boolean)
            {
                int v = ConfigFields.GetInt(c, id);
                int min = ConfigFields.Min(id);
                int max = ConfigFields.Max(id);
                if (v < min || v > max)
                {
                    return problem.Set(ProvisioningStatus.InvalidValue, id, id == (int)ConfigField.Bme280Address
                        ? "must be 118 (0x76) or 119 (0x77)"
                        : "must be between " + min + " and " + max);
                }

                return ProvisioningStatus.Ok;
            }

            if (kind != FieldKind.Text)
            {
                return ProvisioningStatus.Ok;
            }

            string s = ConfigFields.GetText(c, id);
            if (s == null)
            {
                return problem.Set(ProvisioningStatus.MissingValue, id, "is required");
            }

            int bytes = Utf8.ByteCount(s);
            int minBytes = ConfigFields.Min(id);
            int maxBytes = ConfigFields.Max(id);
            if (bytes == 0 && minBytes > 0)
            {
                return problem.Set(ProvisioningStatus.MissingValue, id, "is required");
            }

            if (bytes < minBytes || bytes > maxBytes)
            {
                return problem.Set(ProvisioningStatus.InvalidValue, id, "must be between " + minBytes + " and " + maxBytes + " bytes long");
            }

            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < ' ')
                {
                    return problem.Set(ProvisioningStatus.InvalidValue, id, "may not contain control characters");
                }
            }

            switch (id)
            {
                case (int)ConfigField.NodeId:
                case (int)ConfigField.BoardProfile:
                    return IsIdentifier(s) ? ProvisioningStatus.Ok : problem.Set(ProvisioningStatus.InvalidValue, id, "may contain only a-z, 0-9, '_' and '-'");
                case (int)ConfigField.TopicPrefix:
                    return IsTopicPrefix(s) ? ProvisioningStatus.Ok : problem.Set(ProvisioningStatus.InvalidValue, id, "may not contain '+' or '#', nor start or end with '/'");
                case (int)ConfigField.WifiPassword:
                    return bytes == 0 || bytes >= 8 ? ProvisioningStatus.Ok : problem.Set(ProvisioningStatus.InvalidValue, id, "must be empty (open network) or 8 to 63 bytes long");
                case (int)ConfigField.StaticIp:
                case (int)ConfigField.StaticMask:
                case (int)ConfigField.StaticGateway:
                case (int)ConfigField.StaticDns:
                    return bytes == 0 || IsIPv4(s) ? ProvisioningStatus.Ok : problem.Set(ProvisioningStatus.InvalidValue, id, "must be a dotted IPv4 address such as 192.168.1.20, or empty");
                case (int)ConfigField.BrokerHost:
                    return IsHostName(s) ? ProvisioningStatus.Ok : problem.Set(ProvisioningStatus.InvalidValue, id, "must be a host name or IPv4 address (letters, digits, '.' and '-')");
                default:
                    return ProvisioningStatus.Ok;
            }
        }

        /// <summary>Checks every settable field, then the rules between fields and files.</summary>
        public static ProvisioningStatus CheckAll(NodeConfig c, ConfigProblem problem)
        {
            problem.Clear();
            for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
            {
                if (CheckField(c, id, problem) != ProvisioningStatus.Ok)
                {
                    return problem.Status;
                }
            }

            bool hasIp = c.StaticIp.Length > 0;
            if (hasIp && c.StaticMask.Length == 0)
            {
                return problem.Set(ProvisioningStatus.MissingValue, (int)ConfigField.StaticMask, "is required when staticIp is set");
            }

            if (hasIp && c.StaticGateway.Length == 0)
            {
                return problem.Set(ProvisioningStatus.MissingValue, (int)ConfigField.StaticGateway, "is required when staticIp is set");
            }

            if (!hasIp && (c.StaticMask.Length > 0 || c.StaticGateway.Length > 0 || c.StaticDns.Length > 0))
            {
                return problem.Set(ProvisioningStatus.Inconsistent, (int)ConfigField.StaticIp, "is required when staticMask, staticGateway or staticDns is set");
            }

            if (c.MqttPassword.Length > 0 && c.MqttUsername.Length == 0)
            {
                return problem.Set(ProvisioningStatus.MissingValue, (int)ConfigField.MqttUsername, "is required when mqttPassword is set");
            }

            if (c.UseTls && c.CaCertificateFile.Length == 0)
            {
                return problem.Set(ProvisioningStatus.MissingValue, (int)ConfigField.CaCertificate, "is required when useTls is true");
            }

            if ((c.ClientCertificateFile.Length > 0) != (c.ClientKeyFile.Length > 0))
            {
                return problem.Set(ProvisioningStatus.Inconsistent, (int)ConfigField.ClientKey, "clientCertificate and clientKey go together: give both or neither");
            }

            if (!c.UseTls && c.ClientCertificateFile.Length > 0)
            {
                return problem.Set(ProvisioningStatus.Inconsistent, (int)ConfigField.UseTls, "must be true when a client certificate is given");
            }

            return ProvisioningStatus.Ok;
        }

        private static bool IsIdentifier(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char ch = s[i];
                if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsTopicPrefix(string s)
        {
            if (s[0] == '/' || s[s.Length - 1] == '/')
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '+' || s[i] == '#')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHostName(string s)
        {
            if (s[0] == '.' || s[0] == '-' || s[s.Length - 1] == '.')
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char ch = s[i];
                if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIPv4(string s)
        {
            int parts = 0;
            int value = -1;
            int digits = 0;
            for (int i = 0; i <= s.Length; i++)
            {
                if (i == s.Length || s[i] == '.')
                {
                    if (digits == 0 || value > 255)
                    {
                        return false;
                    }

                    parts++;
                    value = -1;
                    digits = 0;
                    continue;
                }

                char ch = s[i];
                if (ch < '0' || ch > '9' || digits == 3 || (digits == 1 && value == 0))
                {
                    return false;
                }

                value = (value < 0 ? 0 : value * 10) + (ch - '0');
                digits++;
            }

            return parts == 4;
        }
    }
}
