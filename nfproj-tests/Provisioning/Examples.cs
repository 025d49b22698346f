using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Provisioning
{
    /// <summary>Configurations and files shared by the provisioning tests.</summary>
    public static class Examples
    {
        public static NodeConfig Config(string nodeId)
        {
            NodeConfig c = new NodeConfig();
            c.NodeId = nodeId;
            c.WifiSsid = "Greenhouse";
            c.WifiPassword = "correct horse battery";
            c.BrokerHost = "broker.local";
            c.MqttUsername = "node";
            c.MqttPassword = "s3cret-pass";
            c.Mode = NodeMode.DeepSleep;
            c.SampleIntervalSeconds = 300;
            c.StaticIp = "192.168.1.20";
            c.StaticMask = "255.255.255.0";
            c.StaticGateway = "192.168.1.1";
            return c;
        }

        public static byte[] File(int length, int seed)
        {
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++)
            {
                b[i] = (byte)((i * 13) + seed);
            }

            return b;
        }

        /// <summary>Writes a staged file as the console would and points the config at it.</summary>
        public static void Stage(SimulatedFileStore store, NodeConfig c, int kind, byte[] content)
        {
            store.Replace(FileSet.StagedName(kind), content, 0, content.Length);
            ConfigFields.SetText(c, FileSet.FieldOf(kind), FileSet.StagedName(kind));
        }

        /// <summary>Commits config with a CA file of the given seed on store.</summary>
        public static NodeConfig CommitWithCa(SimulatedFileStore store, string nodeId, int seed)
        {
            NodeConfig c = Config(nodeId);
            Stage(store, c, 0, File(700, seed));
            ConfigProblem p = new ConfigProblem();
            ProvisioningStatus s = new ConfigStore(store).Commit(c, p);
            if (s != ProvisioningStatus.Ok)
            {
                throw new System.Exception("commit failed: " + p.ToString());
            }

            return c;
        }
    }
}
