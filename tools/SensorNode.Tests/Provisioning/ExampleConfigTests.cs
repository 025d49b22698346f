using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli.Provisioning;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace SensorNode.Tests.Provisioning;

/// <summary>The documented example node.json passes the same checks the node runs.</summary>
[TestClass]
public sealed class ExampleConfigTests
{
    [TestMethod]
    public void DocsExample_LoadsAndValidatesWithCa()
    {
        string dir = Fixtures.TempDirectory();
        try
        {
            string ca = Path.Combine(dir, "ca.pem");
            File.WriteAllText(ca, Fixtures.Pem("CERTIFICATE", 2));
            ProvisionPlan plan = ProvisionPlan.Build(Repo.Path("docs", "node.example.json"), o => o == "--ca" ? ca : null);
            Assert.AreEqual("greenhouse-1", plan.Config.NodeId);
            Assert.AreEqual(NodeMode.DeepSleep, plan.Config.Mode);
            Assert.AreEqual(0x76, plan.Config.Bme280Address);
            Assert.AreEqual(ProvisioningStatus.Ok, ConfigValidator.CheckAll(plan.Config, new ConfigProblem()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void DocsFieldTable_NamesEverySettableField()
    {
        string doc = File.ReadAllText(Repo.Path("docs", "provisioning.md"));
        string spec = File.ReadAllText(Repo.Path("docs", "spec", "provisioning.md"));
        for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastSettable; id++)
        {
            StringAssert.Contains(doc, ConfigFields.Name(id));
            StringAssert.Contains(spec, "| " + id + " | " + ConfigFields.Name(id) + " |");
        }
    }
}
