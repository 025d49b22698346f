using System.Diagnostics;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Cli;

/// <summary>Tab completion: System.CommandLine's [suggest] directive, and the bash completion script that calls it.</summary>
[TestClass]
public sealed class CompletionTests
{
    [TestMethod]
    [DataRow("sensornode sim", "simulate")]
    [DataRow("sensornode replay st", "stats")]
    [DataRow("sensornode replay stats --z", "--z-threshold")]
    [DataRow("sensornode monitor --bro", "--broker")]
    public void SuggestDirective_CompletesVerbsSubcommandsAndOptions(string line, string expected)
    {
        var (code, stdout, _) = CliRunner.Run($"[suggest:{line.Length}]", line);

        Assert.AreEqual(0, code);
        CollectionAssert.Contains(stdout.Split('\n', System.StringSplitOptions.TrimEntries), expected);
    }

    [TestMethod]
    public void BashCompletionScript_CompletesFromTheTool()
    {
        string dll = Repo.Path("tools", "SensorNode.Cli", "bin", Repo.Configuration, "net10.0", "sensornode.dll");
        string script =
            $"sensornode() {{ dotnet '{dll}' \"$@\"; }}\n" +
            $"source '{Repo.Path("tools", "sensornode-completion.bash")}'\n" +
            "COMP_LINE='sensornode replay stats --win'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(sensornode replay stats --win); COMP_CWORD=3\n" +
            "_sensornode_complete; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process bash = Process.Start(start)!;
        bash.StandardInput.Write(script);
        bash.StandardInput.Close();
        var stderr = bash.StandardError.ReadToEndAsync();
        string stdout = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.AreEqual("--window", stdout.Trim(), stderr.Result);
    }
}
