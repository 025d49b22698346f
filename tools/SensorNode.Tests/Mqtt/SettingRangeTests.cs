using System.Globalization;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Mqtt;

/// <summary>One valid range per setting: what an MQTT command accepts is what provisioning (and the commit of the change) accepts.</summary>
[TestClass]
public sealed class SettingRangeTests
{
    [DataRow("set_interval", "seconds", ConfigField.SampleIntervalSeconds, 1)]
    [DataRow("set_thresholds", "z_threshold", ConfigField.ZThresholdMilli, 1000)]
    [DataRow("set_windows", "average", ConfigField.AverageWindow, 1)]
    [DataRow("set_windows", "z", ConfigField.ZWindow, 1)]
    [DataRow("set_windows", "crest", ConfigField.CrestWindow, 1)]
    [TestMethod]
    public void CommandBounds_AreTheProvisioningBounds(string cmd, string key, ConfigField field, int unitsPerValue)
    {
        int min = ConfigFields.Min((int)field);
        int max = ConfigFields.Max((int)field);
        foreach ((int stored, bool inside) in new[] { (min, true), (max, true), (min - 1, false), (max + 1, false) })
        {
            string value = (stored / (decimal)unitsPerValue).ToString(CultureInfo.InvariantCulture);
            byte[] json = Encoding.ASCII.GetBytes($"{{\"cmd\":\"{cmd}\",\"{key}\":{value}}}");
            var command = new Command();
            CommandStatus status = new CommandParser().Parse(json, 0, json.Length, command);
            Assert.AreEqual(inside ? CommandStatus.Ok : CommandStatus.OutOfRange, status, $"{cmd} {key}={value}");

            var config = new NodeConfig();
            ConfigFields.SetInt(config, (int)field, stored);
            Assert.AreEqual(inside, ConfigValidator.CheckField(config, (int)field, new ConfigProblem()) == ProvisioningStatus.Ok, $"{field}={stored}");
        }
    }
}
