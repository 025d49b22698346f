using SensorNode.Core.Config;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// The registry of <see cref="ConfigField"/>s: JSON names (node.json), kinds, ranges and secrecy, and
    /// access to the matching <see cref="NodeConfig"/> fields without reflection. Host tools use this same
    /// table, so names and limits cannot drift between the CLI, the spec and the node.
    /// </summary>
    public static class ConfigFields
    {
        /// <summary>First and last settable field ids.</summary>
        public const int FirstSettable = 1, LastSettable = 26;

        /// <summary>First and last file field ids.</summary>
        public const int FirstFile = 40, LastFile = 43;

        /// <summary>True when the id is a known field.</summary>
        public static bool IsKnown(int id)
        {
            return (id >= FirstSettable && id <= LastSettable) || (id >= FirstFile && id <= LastFile);
        }

        /// <summary>The field's name in node.json and in messages.</summary>
        public static string Name(int id)
        {
            switch (id)
            {
                case 1: return "nodeId";
                case 2: return "topicPrefix";
                case 3: return "wifiSsid";
                case 4: return "wifiPassword";
                case 5: return "staticIp";
                case 6: return "staticMask";
                case 7: return "staticGateway";
                case 8: return "staticDns";
                case 9: return "brokerHost";
                case 10: return "brokerPort";
                case 11: return "useTls";
                case 12: return "mqttUsername";
                case 13: return "mqttPassword";
                case 14: return "keepAliveSeconds";
                case 15: return "mode";
                case 16: return "sampleIntervalSeconds";
                case 17: return "publishEvery";
                case 18: return "maxLatencySeconds";
                case 19: return "awakeBudgetMilliseconds";
                case 20: return "averageWindow";
                case 21: return "zWindow";
                case 22: return "zThresholdMilli";
                case 23: return "crestWindow";
                case 24: return "accelRateHertz";
                case 25: return "bme280Address";
                case 26: return "boardProfile";
                case 40: return "caCertificate";
                case 41: return "clientCertificate";
                case 42: return "clientKey";
                case 43: return "otaPublicKey";
                default: return "field" + id;
            }
        }

        /// <summary>How the field is encoded.</summary>
        public static FieldKind Kind(int id)
        {
            if (id >= FirstFile && id <= LastFile)
            {
                return FieldKind.File;
            }

            switch (id)
            {
                case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: case 12: case 13: case 26:
                    return FieldKind.Text;
                case 11:
                    return FieldKind.Boolean;
                default:
                    return id >= FirstSettable && id <= LastSettable ? FieldKind.Integer : FieldKind.None;
            }
        }

        /// <summary>True for values that never leave the node (get-config reports only set / not set).</summary>
        public static bool IsSecret(int id)
        {
            return id == (int)ConfigField.WifiPassword || id == (int)ConfigField.MqttPassword || id == (int)ConfigField.ClientKey;
        }

        /// <summary>Smallest valid value of an integer field (or shortest text, in UTF-8 bytes).</summary>
        public static int Min(int id)
        {
            switch (id)
            {
                case 1: case 2: case 3: case 9: case 26: return 1;
                case 10: return 1;
                case 14: return 10;
                case 15: return 0;
                case 19: return 1000;
                case 22: return 1;
                case 25: return 0x76;
                case 11: return 0;
                default: return Kind(id) == FieldKind.Text ? 0 : 1;
            }
        }

        /// <summary>Largest valid value of an integer field (or longest text, in UTF-8 bytes).</summary>
        public static int Max(int id)
        {
            switch (id)
            {
                case 1: case 3: case 26: return 32;
                case 4: return 63;
                case 5: case 6: case 7: case 8: return 15;
                case 10: return 65535;
                case 11: return 1;
                case 14: return 3600;
                case 15: return 1;
                case 16: return 86400;
                case 17: return 1000;
                case 18: return 604800;
                case 19: return 600000;
                case 20: case 21: case 23: return 4096;
                case 22: return 1000000;
                case 24: return 3200;
                case 25: return 0x77;
                default: return ProvisioningLimits.MaxStringBytes;
            }
        }

        /// <summary>Reads a text or file field.</summary>
        public static string GetText(NodeConfig c, int id)
        {
            switch (id)
            {
                case 1: return c.NodeId;
                case 2: return c.TopicPrefix;
                case 3: return c.WifiSsid;
                case 4: return c.WifiPassword;
                case 5: return c.StaticIp;
                case 6: return c.StaticMask;
                case 7: return c.StaticGateway;
                case 8: return c.StaticDns;
                case 9: return c.BrokerHost;
                case 12: return c.MqttUsername;
                case 13: return c.MqttPassword;
                case 26: return c.BoardProfile;
                case 40: return c.CaCertificateFile;
                case 41: return c.ClientCertificateFile;
                case 42: return c.ClientKeyFile;
                case 43: return c.OtaPublicKeyFile;
                default: return string.Empty;
            }
        }

        /// <summary>Writes a text or file field; ignores other ids.</summary>
        public static void SetText(NodeConfig c, int id, string value)
        {
            switch (id)
            {
                case 1: c.NodeId = value; break;
                case 2: c.TopicPrefix = value; break;
                case 3: c.WifiSsid = value; break;
                case 4: c.WifiPassword = value; break;
                case 5: c.StaticIp = value; break;
                case 6: c.StaticMask = value; break;
                case 7: c.StaticGateway = value; break;
                case 8: c.StaticDns = value; break;
                case 9: c.BrokerHost = value; break;
                case 12: c.MqttUsername = value; break;
                case 13: c.MqttPassword = value; break;
                case 26: c.BoardProfile = value; break;
                case 40: c.CaCertificateFile = value; break;
                case 41: c.ClientCertificateFile = value; break;
                case 42: c.ClientKeyFile = value; break;
                case 43: c.OtaPublicKeyFile = value; break;
            }
        }

        /// <summary>Reads an integer or boolean (0/1) field.</summary>
        public static int GetInt(NodeConfig c, int id)
        {
            switch (id)
            {
                case 10: return c.BrokerPort;
                case 11: return c.UseTls ? 1 : 0;
                case 14: return c.KeepAliveSeconds;
                case 15: return (int)c.Mode;
                case 16: return c.SampleIntervalSeconds;
                case 17: return c.PublishEvery;
                case 18: return c.MaxLatencySeconds;
                case 19: return c.AwakeBudgetMilliseconds;
                case 20: return c.AverageWindow;
                case 21: return c.ZWindow;
                case 22: return c.ZThresholdMilli;
                case 23: return c.CrestWindow;
                case 24: return c.AccelRateHertz;
                case 25: return c.Bme280Address;
                default: return 0;
            }
        }

        /// <summary>Writes an integer or boolean (0/1) field; ignores other ids.</summary>
        public static void SetInt(NodeConfig c, int id, int value)
        {
            switch (id)
            {
                case 10: c.BrokerPort = value; break;
                case 11: c.UseTls = value != 0; break;
                case 14: c.KeepAliveSeconds = value; break;
                case 15: c.Mode = (NodeMode)value; break;
                case 16: c.SampleIntervalSeconds = value; break;
                case 17: c.PublishEvery = value; break;
                case 18: c.MaxLatencySeconds = value; break;
                case 19: c.AwakeBudgetMilliseconds = value; break;
                case 20: c.AverageWindow = value; break;
                case 21: c.ZWindow = value; break;
                case 22: c.ZThresholdMilli = value; break;
                case 23: c.CrestWindow = value; break;
                case 24: c.AccelRateHertz = value; break;
                case 25: c.Bme280Address = value; break;
            }
        }

        /// <summary>Copies every field (and the config version) from one config to another.</summary>
        public static void CopyAll(NodeConfig from, NodeConfig to)
        {
            for (int id = FirstSettable; id <= LastFile; id++)
            {
                FieldKind kind = Kind(id);
                if (kind == FieldKind.Text || kind == FieldKind.File)
                {
                    SetText(to, id, GetText(from, id));
                }
                else if (kind != FieldKind.None)
                {
                    SetInt(to, id, GetInt(from, id));
                }
            }

            to.ConfigVersion = from.ConfigVersion;
        }

        /// <summary>True when every field and the config version are equal.</summary>
        public static bool AllEqual(NodeConfig a, NodeConfig b)
        {
            for (int id = FirstSettable; id <= LastFile; id++)
            {
                FieldKind kind = Kind(id);
                if ((kind == FieldKind.Text || kind == FieldKind.File) && GetText(a, id) != GetText(b, id))
                {
                    return false;
                }

                if ((kind == FieldKind.Integer || kind == FieldKind.Boolean) && GetInt(a, id) != GetInt(b, id))
                {
                    return false;
                }
            }

            return a.ConfigVersion == b.ConfigVersion;
        }
    }
}
