using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Commands;

namespace SensorNode.Tests.Duty;

[TestClass]
public sealed class DeepSleepModeTests
{
    private static int Run(string[] args, StringWriter stdout) =>
        DeepSleepMode.Run(ParsedOptions.Parse(SimulateCommand.Create(), args), stdout, new RampSampleSource(), null);

    [TestMethod]
    public void BrokerDown_ReportsSessionsDropsAndPerReadingFigures()
    {
        string dir = Directory.CreateTempSubdirectory("sensornode-dsm-").FullName;
        try
        {
            var output = new StringWriter();
            int rc = Run(new[] { "--state", dir, "--wakes", "100", "--publish-every", "4", "--capacity", "10", "--broker-down", "12" }, output);
            Assert.AreEqual(0, rc);
            string text = output.ToString();
            StringAssert.Contains(text, "radio sessions");
            StringAssert.Contains(text, "(12 failed)");
            StringAssert.Contains(text, "bytes sent / reading");
            StringAssert.Contains(text, "flash bytes / reading");
            StringAssert.Contains(text, "readings dropped");
            Assert.IsTrue(File.Exists(Path.Combine(dir, "duty.log")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void StateThatIsAFile_IsAUsageError()
    {
        string file = Path.GetTempFileName();
        try
        {
            var ex = Assert.ThrowsExactly<CliException>(() => Run(new[] { "--state", file }, new StringWriter()));
            StringAssert.Contains(ex.Message, "--state must be a directory");
            Assert.AreEqual(2, ex.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
