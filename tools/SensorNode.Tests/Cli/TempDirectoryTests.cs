using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>A test class whose every test gets a fresh temporary folder (<see cref="Dir"/>), deleted afterwards.</summary>
public abstract class TempDirectoryTests
{
    /// <summary>This test's folder.</summary>
    protected string Dir { get; private set; } = string.Empty;

    [TestInitialize]
    public void CreateTempDirectory() => Dir = CliRunner.TempDirectory();

    [TestCleanup]
    public void DeleteTempDirectory() => Directory.Delete(Dir, recursive: true);
}
