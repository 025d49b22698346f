using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Provisioning;

/// <summary>
/// `sensornode provision --via-nanoff` runs the nanoff it is given (--nanoff) and reads back nanoff's per-file
/// report before saying it worked: exit 0 with a failed file is a partial deployment, exit 1, naming the files.
/// </summary>
[TestClass]
public sealed class NanoffProvisionTests
{
    private string _dir = string.Empty;
    private string _json = string.Empty;
    private string _ca = string.Empty;
    private string _outDir = string.Empty;

    [TestInitialize]
    public void Start()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the fake nanoff is a python script");
        }

        _dir = Fixtures.TempDirectory();
        _json = Path.Combine(_dir, "node.json");
        File.WriteAllText(_json, Fixtures.NodeJson(extra: ", \"configVersion\": 7"));
        _ca = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(_ca, Fixtures.Pem("CERTIFICATE", 2));
        _outDir = Path.Combine(_dir, "deploy");
    }

    [TestCleanup]
    public void Stop()
    {
        if (_dir.Length > 0)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private (int ExitCode, string Stdout, string Stderr) Provision(string nanoff) =>
        CliRunner.Run("provision", "--via-nanoff", "--nanoff", nanoff, "--port", "COM5", "--config", _json, "--ca", _ca, "--out", _outDir);

    [TestMethod]
    public void EveryFileReportedOk_Succeeds_AndRunsTheNanoffGiven()
    {
        string nanoff = FakeNanoff.Write(_dir, "my nanoff");
        var (exit, output, error) = Provision(nanoff);
        Assert.AreEqual(0, exit, error + output);
        CollectionAssert.AreEqual(new[] { $"--filedeployment {Path.Combine(_outDir, "deploy.json")}" }, FakeNanoff.Calls(nanoff));
        StringAssert.Contains(output, $"{nanoff} --filedeployment \"{Path.Combine(_outDir, "deploy.json")}\"");
        StringAssert.Contains(output, @"nanoff reported all 2 file(s) deployed: I:\config.bin, I:\ca.7.pem");
    }

    [TestMethod]
    public void ProgramWithArguments_LikeDotnetNanoff_IsSplitOnSpaces()
    {
        string script = FakeNanoff.Write(_dir, "nanoff.py");
        var (exit, _, error) = Provision("python3 " + script);
        Assert.AreEqual(0, exit, error);
        Assert.AreEqual(1, FakeNanoff.Calls(script).Length);
    }

    [TestMethod]
    public void ExitZeroWithAnErrorLine_IsAPartialDeployment_NamingTheFile()
    {
        string nanoff = FakeNanoff.Write(_dir, "nanoff", errorFor: @"I:\ca.7.pem");
        var (exit, output, error) = Provision(nanoff);
        Assert.AreEqual(1, exit, output);
        Assert.AreEqual(
            @"sensornode provision: partial deployment: nanoff exited 0 but did not report I:\ca.7.pem as deployed (1 of 2 file(s) were); run the command above again",
            error.TrimEnd());
        StringAssert.Contains(output, @"Error deploying content file");
    }

    [TestMethod]
    public void ExceptionLine_OrNoVerdict_CountsAsNotDeployed()
    {
        string exception = FakeNanoff.Write(_dir, "nanoff-exception", exceptionFor: @"I:\config.bin");
        var (exit, _, error) = Provision(exception);
        Assert.AreEqual(1, exit);
        StringAssert.Contains(error, @"did not report I:\config.bin as deployed");

        string silent = FakeNanoff.Write(_dir, "nanoff-silent", silentFor: true);
        (exit, _, error) = Provision(silent);
        Assert.AreEqual(1, exit);
        StringAssert.Contains(error, @"did not report I:\config.bin, I:\ca.7.pem as deployed (0 of 2 file(s) were)");
    }

    [TestMethod]
    public void NanoffExitCodeNotZero_Fails()
    {
        string nanoff = FakeNanoff.Write(_dir, "nanoff", exitCode: 2002);
        var (exit, _, error) = Provision(nanoff);
        Assert.AreEqual(1, exit);
        StringAssert.StartsWith(error, $"sensornode provision: nanoff failed with exit code {2002 % 256}");
    }

    [TestMethod]
    public void NanoffThatCannotStart_SaysWhichOne()
    {
        string missing = Path.Combine(_dir, "no-such-nanoff");
        var (exit, _, error) = Provision(missing);
        Assert.AreEqual(1, exit);
        StringAssert.StartsWith(error, $"sensornode provision: nanoff not found: '{missing}' could not be started");
    }

    [TestMethod]
    public void NanoffOption_WithoutViaNanoff_IsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("provision", "--nanoff", "nanoff", "--port", "/dev/sensornode-none", "--config", _json);
        Assert.AreEqual(2, exit);
        Assert.AreEqual("sensornode provision: --nanoff applies to --via-nanoff only", error.TrimEnd());
    }
}
