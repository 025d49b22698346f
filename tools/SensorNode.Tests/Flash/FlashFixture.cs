using System;
using System.IO;

namespace SensorNode.Tests.Flash;

/// <summary>A unique temp folder with a fake build output, a fake nanoff and provisioning inputs.</summary>
internal sealed class FlashFixture : IDisposable
{
    public FlashFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "sn-flash-" + Guid.NewGuid().ToString("N"));
        BuildOutput = Path.Combine(Root, "out dir");
        Directory.CreateDirectory(BuildOutput);
        Image = Path.Combine(BuildOutput, "SensorNode.Device.bin");
        File.WriteAllBytes(Image, new byte[] { 0x4E, 0x46, 0x4D, 0x52 });
        Nanoff = Path.Combine(Root, "nanoff");
        Sensornode = Path.Combine(Root, "sensornode");
        Log = Path.Combine(Root, "calls.log");
        WriteFakeTool(Nanoff, 0);
        WriteFakeTool(Sensornode, 0);
        Config = Path.Combine(Root, "node.json");
        File.WriteAllText(Config, "{}");
        Ca = Path.Combine(Root, "ca.pem");
        File.WriteAllText(Ca, "ca");
    }

    public string Root { get; }

    public string BuildOutput { get; }

    public string Image { get; }

    public string Nanoff { get; }

    public string Sensornode { get; }

    /// <summary>Every fake tool appends "name arg1 arg2 ..." to this file.</summary>
    public string Log { get; }

    public string Config { get; }

    public string Ca { get; }

    /// <summary>A bash script that logs its name and arguments, then exits with <paramref name="exitCode"/>.</summary>
    public void WriteFakeTool(string path, int exitCode)
    {
        File.WriteAllText(path, $"#!/bin/bash\necho \"${{0##*/}} $*\" >> '{Log}'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
