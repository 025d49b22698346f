using System;
using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>
/// On a terminal (a pseudo-terminal from `script`) the summaries are Spectre.Console tables; with NO_COLOR
/// they stay the plain text that scripts parse.
/// </summary>
[TestClass]
public sealed class TerminalOutputTests
{
    [TestMethod]
    public void Power_OnATerminal_IsATable()
    {
        string output = OnTerminal(noColor: false, "power");
        StringAssert.Contains(output, "╭");
        StringAssert.Contains(output, "│ radio wakes / day");
    }

    [TestMethod]
    public void Power_WithNoColor_StaysPlainText()
    {
        string output = OnTerminal(noColor: true, "power");
        StringAssert.Contains(output, "  radio wakes / day ");
        Assert.IsFalse(output.Contains('│') || output.Contains('╭'), output);
    }

    private static string OnTerminal(bool noColor, params string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("needs util-linux script for a pseudo-terminal");
        }

        string dll = Repo.Path("tools", "SensorNode.Cli", "bin", Repo.Configuration, "net10.0", "sensornode.dll");
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string a in new[] { "-qec", $"dotnet '{dll}' {string.Join(' ', args)}", "/dev/null" })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "120";
        start.Environment.Remove("NO_COLOR");
        if (noColor)
        {
            start.Environment["NO_COLOR"] = "1";
        }

        using Process p = Process.Start(start)!;
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, stdout + stderr.Result);
        return stdout;
    }
}
