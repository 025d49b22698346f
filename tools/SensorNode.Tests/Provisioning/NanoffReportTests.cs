using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli.Provisioning;

namespace SensorNode.Tests.Provisioning;

/// <summary>NanoffReport reads FileDeploymentManager's per-file lines (nanoFirmwareFlasher, DeployAsync).</summary>
[TestClass]
public sealed class NanoffReportTests
{
    private static readonly NanoffFile[] Files =
    {
        new(@"/tmp/d/config.bin", @"I:\config.bin"),
        new(@"/tmp/ca.pem", @"I:\ca.3.pem"),
    };

    [TestMethod]
    public void BothOk_WithColourCodes_NothingMissing()
    {
        string output = "Connecting to nanoDevice...\n" +
            "Deploying file /tmp/d/config.bin to I:\\config.bin...\u001b[32mOK\u001b[37m\r\n" +
            "Deploying file /tmp/ca.pem to I:\\ca.3.pem...OK\n";
        Assert.AreEqual(0, NanoffReport.Missing(output, Files).Count);
    }

    [TestMethod]
    public void ErrorLine_NamesThatFileOnly()
    {
        string output = "Deploying file /tmp/d/config.bin to I:\\config.bin...OK\n" +
            "Deploying file /tmp/ca.pem to I:\\ca.3.pem...\n" +
            "Error deploying content file /tmp/ca.pem to I:\\ca.3.pem\n";
        CollectionAssert.AreEqual(new[] { @"I:\ca.3.pem" }, new System.Collections.Generic.List<string>(NanoffReport.Missing(output, Files)));
    }

    [TestMethod]
    public void NoLineForAFile_OrAnOkForAnotherDestination_IsMissing()
    {
        string output = "Deploying file /tmp/d/config.bin to I:\\config.bin.old...OK\n";
        CollectionAssert.AreEqual(new[] { @"I:\config.bin", @"I:\ca.3.pem" }, new System.Collections.Generic.List<string>(NanoffReport.Missing(output, Files)));
    }
}
