using nanoFramework.TestFramework;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace NFUnitTest.Provisioning
{
    [TestClass]
    public class ConfigValidatorTests
    {
        private static ConfigProblem Check(NodeConfig c)
        {
            c.CaCertificateFile = c.CaCertificateFile.Length == 0 && c.UseTls ? "ca.1.pem" : c.CaCertificateFile;
            ConfigProblem p = new ConfigProblem();
            ConfigValidator.CheckAll(c, p);
            return p;
        }

        [TestMethod]
        public void Example_IsValid()
        {
            Assert.AreEqual((int)ProvisioningStatus.Ok, (int)Check(Examples.Config("n1")).Status);
        }

        [DataRow(1, "Bad Id", 5, "may contain only a-z, 0-9, '_' and '-'")]
        [DataRow(1, "", 6, "is required")]
        [DataRow(1, "abcdefghijabcdefghijabcdefghijabc", 5, "must be between 1 and 32 bytes long")]
        [DataRow(2, "/top", 5, "may not contain '+' or '#', nor start or end with '/'")]
        [DataRow(2, "a/#", 5, "may not contain '+' or '#', nor start or end with '/'")]
        [DataRow(4, "short", 5, "must be empty (open network) or 8 to 63 bytes long")]
        [DataRow(5, "192.168.1.256", 5, "must be a dotted IPv4 address such as 192.168.1.20, or empty")]
        [DataRow(5, "192.168.01.2", 5, "must be a dotted IPv4 address such as 192.168.1.20, or empty")]
        [DataRow(5, "1.2.3", 5, "must be a dotted IPv4 address such as 192.168.1.20, or empty")]
        [DataRow(9, "broker_host", 5, "must be a host name or IPv4 address (letters, digits, '.' and '-')")]
        [DataRow(9, "", 6, "is required")]
        [DataRow(3, "tab\there", 5, "may not contain control characters")]
        public void Text_Invalid_ReturnsExactStatusFieldAndMessage(int field, string value, int status, string message)
        {
            NodeConfig c = Examples.Config("n1");
            ConfigFields.SetText(c, field, value);
            ConfigProblem p = Check(c);
            Assert.AreEqual(status, (int)p.Status);
            Assert.AreEqual(field, p.FieldId);
            Assert.AreEqual(message, p.Message);
        }

        [DataRow(10, 0, "must be between 1 and 65535")]
        [DataRow(10, 65536, "must be between 1 and 65535")]
        [DataRow(14, 9, "must be between 10 and 3600")]
        [DataRow(15, 2, "must be between 0 and 1")]
        [DataRow(16, 0, "must be between 1 and 86400")]
        [DataRow(19, 999, "must be between 1000 and 600000")]
        [DataRow(20, 4097, "must be between 1 and 4096")]
        [DataRow(22, 0, "must be between 1 and 1000000")]
        [DataRow(22, 1000001, "must be between 1 and 1000000")]
        [DataRow(25, 0x78, "must be 118 (0x76) or 119 (0x77)")]
        public void Integer_OutOfRange_ReturnsInvalidValueWithRange(int field, int value, string message)
        {
            NodeConfig c = Examples.Config("n1");
            ConfigFields.SetInt(c, field, value);
            ConfigProblem p = Check(c);
            Assert.AreEqual((int)ProvisioningStatus.InvalidValue, (int)p.Status);
            Assert.AreEqual(field, p.FieldId);
            Assert.AreEqual(message, p.Message);
        }

        [TestMethod]
        public void CrossField_Rules_InSpecOrder()
        {
            NodeConfig c = Examples.Config("n1");
            c.StaticMask = string.Empty;
            ConfigProblem p = Check(c);
            Assert.AreEqual((int)ConfigField.StaticMask, p.FieldId);
            Assert.AreEqual("staticMask: is required when staticIp is set", p.ToString());

            c = Examples.Config("n1");
            c.StaticIp = string.Empty;
            Assert.AreEqual((int)ProvisioningStatus.Inconsistent, (int)Check(c).Status);

            c = Examples.Config("n1");
            c.MqttUsername = string.Empty;
            Assert.AreEqual((int)ConfigField.MqttUsername, Check(c).FieldId);

            c = Examples.Config("n1");
            ConfigProblem none = new ConfigProblem();
            ConfigValidator.CheckAll(c, none);
            Assert.AreEqual((int)ConfigField.CaCertificate, none.FieldId);
            Assert.AreEqual("is required when useTls is true", none.Message);

            c = Examples.Config("n1");
            c.ClientCertificateFile = "cert.1.pem";
            Assert.AreEqual((int)ConfigField.ClientKey, Check(c).FieldId);

            c = Examples.Config("n1");
            c.UseTls = false;
            c.ClientCertificateFile = "cert.1.pem";
            c.ClientKeyFile = "key.1.pem";
            Assert.AreEqual((int)ConfigField.UseTls, Check(c).FieldId);
        }

        [TestMethod]
        public void Messages_NeverContainSecretValues()
        {
            NodeConfig c = Examples.Config("n1");
            c.WifiPassword = "hunter2";
            ConfigProblem p = Check(c);
            Assert.AreEqual((int)ConfigField.WifiPassword, p.FieldId);
            Assert.DoesNotContains("hunter2", p.ToString());
        }
    }
}
