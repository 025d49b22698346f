using SensorNode.Core.Checksums;
using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Provisioning
{
    [TestClass]
    public class ProvisioningConsoleTests
    {
        private static readonly DeviceIdentity Identity = new DeviceIdentity("node-0000", "esp32-devkitc", "0.1.0");

        private static byte[] Request(ProvisioningCommand command, byte[] body)
        {
            byte[] m = new byte[4 + body.Length];
            m[0] = 1;
            m[1] = (byte)command;
            m[2] = 0x34;
            m[3] = 0x12;
            System.Array.Copy(body, 0, m, 4, body.Length);
            return m;
        }

        private static int Send(ProvisioningConsole console, ProvisioningCommand command, byte[] body, byte[] response)
        {
            byte[] q = Request(command, body);
            int n = console.Handle(q, q.Length, response);
            Assert.AreEqual((byte)((int)command | 0x80), response[1]);
            Assert.AreEqual(0x34, (int)response[2]);
            Assert.AreEqual(0x12, (int)response[3]);
            return n;
        }

        private static byte[] Records(NodeConfig c)
        {
            byte[] b = new byte[2048];
            int at = 0;
            for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
            {
                at = ConfigTlv.Write(c, id, b, at, b.Length);
            }

            byte[] exact = new byte[at];
            System.Array.Copy(b, exact, at);
            return exact;
        }

        private static void SetAll(ProvisioningConsole console, NodeConfig c, byte[] r)
        {
            byte[] all = Records(c);
            int at = 0;
            while (at < all.Length)
            {
                int end = at;
                while (end < all.Length && end + 2 + all[end + 1] - at <= 400)
                {
                    end += 2 + all[end + 1];
                }

                byte[] part = new byte[end - at];
                System.Array.Copy(all, at, part, 0, part.Length);
                Send(console, ProvisioningCommand.SetConfig, part, r);
                Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
                at = end;
            }
        }

        private static void PutCa(ProvisioningConsole console, byte[] file, byte[] r)
        {
            byte[] begin = new byte[9];
            begin[0] = 40;
            Wire.WriteU32(begin, 1, (uint)file.Length);
            Wire.WriteU32(begin, 5, Crc32.Compute(file, 0, file.Length));
            Send(console, ProvisioningCommand.FileBegin, begin, r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            for (int offset = 0; offset < file.Length; offset += 300)
            {
                int n = file.Length - offset < 300 ? file.Length - offset : 300;
                byte[] chunk = new byte[5 + n];
                chunk[0] = 40;
                Wire.WriteU32(chunk, 1, (uint)offset);
                System.Array.Copy(file, offset, chunk, 5, n);
                Send(console, ProvisioningCommand.FileChunk, chunk, r);
                Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            }

            Send(console, ProvisioningCommand.FileEnd, new byte[] { 40 }, r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
        }

        [TestMethod]
        public void FullSession_CommitsAndGetConfigMasksSecrets()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ProvisioningConsole console = new ProvisioningConsole(store, Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];
            Assert.IsFalse(console.IsProvisioned);
            NodeConfig c = Examples.Config("greenhouse-1");
            SetAll(console, c, r);
            PutCa(console, Examples.File(1000, 5), r);
            Send(console, ProvisioningCommand.Validate, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            int n = Send(console, ProvisioningCommand.Commit, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.AreEqual(9, n);
            Assert.AreEqual(1u, Wire.ReadU32(r, 5));
            Assert.IsTrue(console.IsProvisioned);

            NodeConfig loaded = new NodeConfig();
            Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)new ConfigStore(store).Load(loaded));
            Assert.AreEqual("greenhouse-1", loaded.NodeId);
            Assert.AreEqual("ca.1.pem", loaded.CaCertificateFile);

            int start = 1;
            int records = 0;
            while (start != 0)
            {
                n = Send(console, ProvisioningCommand.GetConfig, new byte[] { (byte)start }, r);
                Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
                for (int at = 6; at < n; at += 2 + r[at + 1])
                {
                    int id = r[at];
                    records++;
                    if (ConfigFields.IsSecret(id) || ConfigFields.Kind(id) == FieldKind.File)
                    {
                        Assert.AreEqual(1, (int)r[at + 1]);
                    }
                }

                start = r[5];
            }

            Assert.AreEqual(30, records);
        }

        [TestMethod]
        public void SetConfig_OneBadRecord_AppliesNone()
        {
            ProvisioningConsole console = new ProvisioningConsole(new SimulatedFileStore(), Identity);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];
            byte[] body = new byte[] { 14, 4, 30, 0, 0, 0, 10, 4, 0, 0, 0, 0 };
            Send(console, ProvisioningCommand.SetConfig, body, r);
            Assert.AreEqual((int)ProvisioningStatus.InvalidValue, (int)r[4]);
            Assert.AreEqual(10, (int)r[5]);

            NodeConfig c = Examples.Config("n");
            c.KeepAliveSeconds = 60;
            SetAll(console, c, r);
            PutCa(console, Examples.File(10, 1), r);
            Send(console, ProvisioningCommand.Commit, new byte[0], r);
            Assert.AreEqual(60, console.Committed.KeepAliveSeconds);
        }

        [TestMethod]
        public void FactoryReset_LeavesNodeUnprovisioned()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            Examples.CommitWithCa(store, "n", 1);
            ProvisioningConsole console = new ProvisioningConsole(store, Identity);
            Assert.IsTrue(console.IsProvisioned);
            byte[] r = new byte[ProvisioningLimits.MaxMessageBytes];
            Send(console, ProvisioningCommand.FactoryReset, new byte[0], r);
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)r[4]);
            Assert.IsFalse(console.IsProvisioned);
            Assert.AreEqual(-1, store.Length(ConfigStore.CurrentName));
            Assert.AreEqual(-1, store.Length("ca.1.pem"));
            Assert.AreEqual((int)ConfigLoadStatus.Unprovisioned, (int)new ConfigStore(store).Load(new NodeConfig()));
        }

        [TestMethod]
        public void ShortRequest_GetsNoResponse()
        {
            ProvisioningConsole console = new ProvisioningConsole(new SimulatedFileStore(), Identity);
            Assert.AreEqual(0, console.Handle(new byte[] { 1, 1, 0 }, 3, new byte[ProvisioningLimits.MaxMessageBytes]));
        }
    }
}
