using System;
using System.Collections.Generic;
using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using SensorNode.Cli.CommandLine;
using SensorNode.Cli.Provisioning;
using SensorNode.Cli.Views;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Host.Provisioning;
using Spectre.Console;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode provision`: checks node.json and the certificate files with the core's validator, then
/// provisions a node over its provisioning UART (docs/spec/provisioning.md) and reads the result back;
/// or prints a node's info and non-secret configuration (--info); or prepares the nanoff file deployment
/// (--via-nanoff [--dry-run]); or discards what a node has staged but not committed (--discard-staged). With
/// --remove-file a run also removes committed files at its commit (docs/spec/provisioning.md §4.9).
/// Every reply from the node is checked (docs/hostile-peers.md). Exit 0 done, 1 the node failed, refused or
/// answered out of protocol, 2 bad input (nothing sent).
/// </summary>
internal static class ProvisionCommand
{
    public static Command Create()
    {
        var command = new Command("provision", "provision a node over serial (--port, --config), show it (--info), drop what it staged (--discard-staged), remove a committed file (--remove-file), or via nanoff (--via-nanoff); node.json fields: docs/provisioning.md")
        {
            Opt.Value("--port", "DEV", "the node's provisioning serial port"),
            Opt.Value("--config", "node.json", "the node's configuration"),
            Opt.Value("--ca", "ca.pem", "CA that signed the broker's certificate"),
            Opt.Value("--cert", "node.pem", "the node's client certificate (with --key)"),
            Opt.Value("--key", "node.key", "the client certificate's private key (with --cert)"),
            Opt.Value("--ota-pubkey", "pub.pem", "public key the node checks update images with"),
            Opt.Many("--remove-file", "KIND", "remove a committed file at this commit: ca, cert (client certificate and key together) or ota-pubkey (the node goes back to the build's key); repeatable"),
            Opt.Value("--baud", "N", "serial speed [default: 115200]"),
            Opt.Flag("--info", "print the node's info and configuration (secrets only as set/not set)"),
            Opt.Flag("--discard-staged", "discard the fields and files the node has staged but not committed; the committed configuration stays (provisioning with --config does this first anyway)"),
            Opt.Flag("--via-nanoff", "prepare the files for nanoff's file deployment instead of the serial console"),
            Opt.Value("--out", "DIR", "with --via-nanoff: where the deployment files go [default: nanoff-deploy beside node.json]"),
            Opt.Flag("--dry-run", "with --via-nanoff: show the deployment, run nothing"),
            Opt.Value("--nanoff", "PATH", "with --via-nanoff: the nanoff to run (flash.ps1 passes its own) [default: nanoff on PATH]"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(ParsedOptions a, TextWriter stdout, TextWriter stderr)
    {
        if (a.Has("--dry-run") && !a.Has("--via-nanoff"))
        {
            throw new CliException("--dry-run applies to --via-nanoff only; a run over the serial console changes the node");
        }

        if (a.Has("--discard-staged") && (a.Has("--info") || a.Has("--via-nanoff")))
        {
            throw new CliException($"--discard-staged talks to the node's serial console and cannot go with {(a.Has("--info") ? "--info" : "--via-nanoff")}; run it on its own: provision --port DEV --discard-staged");
        }

        IReadOnlyList<ConfigField> removals = RemoveFileOption.Parse(a.Many("--remove-file"), a.Optional);
        if (removals.Count > 0 && (a.Has("--info") || a.Has("--via-nanoff") || a.Optional("--config") == null))
        {
            throw new CliException(a.Has("--via-nanoff")
                ? "--remove-file cannot go with --via-nanoff: nanoff's file deployment writes files but cannot delete one; remove files over the serial console: provision --port DEV --config node.json --remove-file KIND"
                : a.Has("--info")
                    ? "--remove-file cannot go with --info; remove files in a provisioning run: provision --port DEV --config node.json --remove-file KIND"
                    : "--remove-file needs --config; the removal is committed with a configuration: provision --port DEV --config node.json --remove-file KIND");
        }

        if (a.Has("--info"))
        {
            return Info(a.Required("--port"), a.Int("--baud", 1200, 4_000_000, 115200), stdout);
        }

        if (a.Has("--discard-staged") && a.Optional("--config") == null)
        {
            foreach (string option in new[] { "--ca", "--cert", "--key", "--ota-pubkey", "--out", "--nanoff" })
            {
                if (a.Optional(option) != null)
                {
                    throw new CliException($"{option} needs --config; --discard-staged alone sends nothing but the discard");
                }
            }

            return DiscardOnly(a.Required("--port"), a.Int("--baud", 1200, 4_000_000, 115200), stdout);
        }

        if (a.Optional("--nanoff") != null && !a.Has("--via-nanoff"))
        {
            throw new CliException("--nanoff applies to --via-nanoff only");
        }

        string configPath = a.Required("--config");
        ProvisionPlan plan = ProvisionPlan.Build(configPath, a.Optional);
        if (a.Has("--via-nanoff"))
        {
            // A dry run only shows the deployment, so the port may be left for later.
            string port = a.Has("--dry-run") ? a.Optional("--port") ?? "<PORT>" : a.Required("--port");
            NanoffCommand nanoff = NanoffCommand.Parse(a.Optional("--nanoff"));
            return ViaNanoff(plan, port, a.Optional("--out") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, "nanoff-deploy"), nanoff, a.Has("--dry-run"), stdout);
        }


        if (a.Has("--dry-run"))
        {
            throw new CliException("--dry-run applies to --via-nanoff only");
        }

        return OverSerial(plan, removals, a.Required("--port"), a.Int("--baud", 1200, 4_000_000, 115200), stdout);
    }

    private static int OverSerial(ProvisionPlan plan, IReadOnlyList<ConfigField> removals, string port, int baud, TextWriter stdout)
    {
        NodeConfig c = plan.Config;
        stdout.WriteLine($"checked configuration: node {c.NodeId}, broker {c.BrokerHost}:{c.BrokerPort} ({(c.UseTls ? "TLS" : "no TLS")}), {plan.Files.Count} file(s)");
        using SerialPortLink link = Open(port, baud);
        var client = new ProvisioningClient(link, sessionMilliseconds: SessionMilliseconds(plan.Files.Sum(f => (long)f.Content.Length), baud));
        try
        {
            var hello = client.Hello();
            DeviceInfo before = client.Info();
            stdout.WriteLine($"connected to {port}: node {before.NodeId}, firmware {before.FirmwareVersion}, hardware {before.HardwareProfile}, {(before.Provisioned ? $"provisioned (config version {before.ConfigVersion})" : "not provisioned")}");
            foreach (PlannedFile file in plan.Files)
            {
                if (file.Content.Length > hello.MaxFileBytes)
                {
                    throw new ProvisioningException($"the node takes files of at most {hello.MaxFileBytes} bytes (its hello says so), and {file.Option} {Path.GetFileName(file.Path)} is {file.Content.Length} bytes; use a smaller file or update the node's firmware");
                }
            }

            // Leftovers of an earlier, unfinished run would be committed with this one, or block it (§4.7).
            ReportDiscarded(client.DiscardStaged(), "from an earlier run ", stdout);

            // Removals first (§4.9): a node that does not know remove-file has nothing staged by this run yet.
            var removed = new List<string>();
            foreach (ConfigField kind in removals)
            {
                int? flags = client.RemoveFile(kind);
                if (flags == null)
                {
                    throw new CliException("the node's firmware does not know remove-file (it answered UnknownCommand); nothing was committed: update the node's firmware, or factory-reset it and provision again", ExitCodes.Failed);
                }

                if ((flags & 1) != 0)
                {
                    removed.Add(ConfigFields.Name((int)kind));
                }
                else
                {
                    stdout.WriteLine($"note: the node has no {ConfigFields.Name((int)kind)} committed; nothing to remove");
                }
            }

            client.SetConfig(c);
            stdout.WriteLine($"sent configuration ({ConfigFields.LastSettable} fields)");
            int chunkBytes = Math.Min(hello.MaxChunkBytes, ProvisioningLimits.MaxChunkBytes);
            if (Terminal.IsRich(stdout))
            {
                // One progress bar per file on a terminal.
                Terminal.For(stdout).Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
                    .Start(ctx =>
                    {
                        foreach (PlannedFile file in plan.Files)
                        {
                            ProgressTask bar = ctx.AddTask(ConfigFields.Name((int)file.Kind), maxValue: Math.Max(1, file.Content.Length));
                            client.PutFile(file.Kind, file.Content, chunkBytes, (sent, _) => bar.Value = sent);
                            bar.Value = bar.MaxValue;
                        }
                    });
            }
            else
            {
                foreach (PlannedFile file in plan.Files)
                {
                    string name = ConfigFields.Name((int)file.Kind);
                    client.PutFile(file.Kind, file.Content, chunkBytes, (sent, total) => stdout.WriteLine($"  {name}: {sent}/{total} bytes"));
                }
            }

            client.Expect(ProvisioningCommand.Validate, default);
            stdout.WriteLine("node validated the configuration");
            uint version = client.Commit();
            stdout.WriteLine($"committed config version {version}");
            if (removed.Count > 0)
            {
                stdout.WriteLine($"removed from the node: {string.Join(", ", removed)}");
            }

            Verify(client, plan, removals, version);
            stdout.WriteLine($"verified: node {c.NodeId} reports config version {version} and the configuration read back matches");
            return ExitCodes.Ok;
        }
        catch (ProvisioningException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failed);
        }
    }

    /// <summary>`provision --port DEV --discard-staged`: the node drops what it staged; its committed configuration stays.</summary>
    private static int DiscardOnly(string port, int baud, TextWriter stdout)
    {
        using SerialPortLink link = Open(port, baud);
        var client = new ProvisioningClient(link, sessionMilliseconds: SessionMilliseconds(0, baud));
        try
        {
            client.Hello();
            IReadOnlyList<int>? discarded = client.DiscardStaged();
            if (discarded == null)
            {
                throw new CliException("the node's firmware does not know discard-staged (it answered UnknownCommand); reboot the node to drop staged fields, or update its firmware", ExitCodes.Failed);
            }

            ReportDiscarded(discarded, string.Empty, stdout);
            stdout.WriteLine("the node's committed configuration is unchanged");
            return ExitCodes.Ok;
        }
        catch (ProvisioningException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failed);
        }
    }

    private static void ReportDiscarded(IReadOnlyList<int>? discarded, string when, TextWriter stdout)
    {
        if (discarded == null)
        {
            stdout.WriteLine("note: the node's firmware does not know discard-staged; files it staged earlier, if any, stay staged");
        }
        else if (discarded.Count > 0)
        {
            stdout.WriteLine($"discarded staged file(s) {when}on the node: {string.Join(", ", discarded.Select(ConfigFields.Name))}");
        }
        else if (when.Length == 0)
        {
            stdout.WriteLine("the node had no staged files; staged fields, if any, are discarded");
        }
    }

    /// <summary>
    /// Deadline of a whole serial session: 60 s, plus 40 times the time the files and 4 KB of configuration and
    /// overhead take on the wire at the baud rate (10 bits a byte), which covers the smallest chunks a node may ask for.
    /// </summary>
    internal static long SessionMilliseconds(long fileBytes, int baud) => 60_000 + (40 * (fileBytes + 4096) * 10 * 1000 / baud);

    private static void Verify(ProvisioningClient client, ProvisionPlan plan, IReadOnlyList<ConfigField> removals, uint version)
    {
        DeviceInfo info = client.Info();
        if (!info.Provisioned || info.ConfigVersion != version || info.NodeId != plan.Config.NodeId)
        {
            throw new ProvisioningException($"verification failed: info reports node {info.NodeId}, config version {info.ConfigVersion}, provisioned {info.Provisioned}");
        }

        SortedDictionary<int, object> back = client.GetConfig();
        for (int id = ConfigFields.FirstSettable; id <= ConfigFields.LastFile; id++)
        {
            if (!ConfigFields.IsKnown(id))
            {
                continue;
            }

            // A file this run neither sent nor removed is the node's committed one, if any (§4.4): either answer is right.
            if (ConfigFields.Kind(id) == FieldKind.File && ConfigFields.GetText(plan.Config, id).Length == 0 && !removals.Contains((ConfigField)id))
            {
                continue;
            }

            object expected = ExpectedValue(plan.Config, id);
            if (!back.TryGetValue(id, out object? actual) || !expected.Equals(actual))
            {
                throw new ProvisioningException($"verification failed: {ConfigFields.Name(id)} read back differs from what was sent");
            }
        }
    }

    /// <summary>What get-config must report for a field (secrets and files as "set" / "not set").</summary>
    private static object ExpectedValue(NodeConfig c, int id)
    {
        if (ConfigFields.IsSecret(id) || ConfigFields.Kind(id) == FieldKind.File)
        {
            return ConfigFields.GetText(c, id).Length > 0 ? "set" : "not set";
        }

        return ConfigFields.Kind(id) switch
        {
            FieldKind.Integer => ConfigFields.GetInt(c, id),
            FieldKind.Boolean => ConfigFields.GetInt(c, id) == 1,
            _ => ConfigFields.GetText(c, id),
        };
    }

    private static int Info(string port, int baud, TextWriter stdout)
    {
        using SerialPortLink link = Open(port, baud);
        var client = new ProvisioningClient(link, sessionMilliseconds: SessionMilliseconds(0, baud));
        try
        {
            client.Hello();
            DeviceInfo info = client.Info();
            SortedDictionary<int, object>? config = info.Provisioned ? client.GetConfig() : null;
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("nodeId", info.NodeId);
                w.WriteString("firmwareVersion", info.FirmwareVersion);
                w.WriteString("hardwareProfile", info.HardwareProfile);
                w.WriteBoolean("provisioned", info.Provisioned);
                w.WriteNumber("configVersion", info.ConfigVersion);
                if (config != null)
                {
                    w.WriteStartObject("config");
                    foreach ((int id, object value) in config)
                    {
                        string name = ConfigFields.Name(id);
                        switch (value)
                        {
                            case int n when id == (int)ConfigField.Mode:
                                w.WriteString(name, NodeJson.ModeName(n));
                                break;
                            case int n:
                                w.WriteNumber(name, n);
                                break;
                            case bool b:
                                w.WriteBoolean(name, b);
                                break;
                            default:
                                w.WriteString(name, (string)value);
                                break;
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Ok;
        }
        catch (ProvisioningException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failed);
        }
    }

    private static int ViaNanoff(ProvisionPlan plan, string port, string outDirectory, NanoffCommand nanoff, bool dryRun, TextWriter stdout)
    {
        NanoffDeployment deployment = NanoffDeployment.Build(plan, port, outDirectory);
        string command = $"{nanoff} --filedeployment \"{deployment.JsonPath}\"";
        if (dryRun)
        {
            stdout.WriteLine(deployment.Json);
            stdout.WriteLine(command);
            return ExitCodes.Ok;
        }

        deployment.Write();
        stdout.WriteLine($"wrote {deployment.BlobPath} and {deployment.JsonPath}");
        stdout.WriteLine(command);
        var start = new ProcessStartInfo(nanoff.Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in nanoff.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--filedeployment");
        start.ArgumentList.Add(deployment.JsonPath);
        var output = new System.Text.StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new CliException($"nanoff not found: '{nanoff.Program}' could not be started; install it with 'dotnet tool install -g nanoff' or pass --nanoff PATH, then run the command above", ExitCodes.Failed);
        }

        using (process)
        {
            // Echo nanoff's report as it comes, and keep it to check which files it deployed.
            process.OutputDataReceived += (_, e) => Echo(e.Data, output, stdout);
            process.ErrorDataReceived += (_, e) => Echo(e.Data, output, stdout);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new CliException($"nanoff failed with exit code {process.ExitCode}; the node may hold none or some of the files: run the command above again", ExitCodes.Failed);
            }
        }

        IReadOnlyList<string> missing;
        lock (output)
        {
            missing = NanoffReport.Missing(output.ToString(), deployment.Files);
        }

        if (missing.Count > 0)
        {
            int deployed = deployment.Files.Count - missing.Count;
            throw new CliException($"partial deployment: nanoff exited 0 but did not report {string.Join(", ", missing)} as deployed ({deployed} of {deployment.Files.Count} file(s) were); run the command above again", ExitCodes.Failed);
        }

        stdout.WriteLine($"nanoff reported all {deployment.Files.Count} file(s) deployed: {string.Join(", ", deployment.Files.Select(f => f.Destination))}");
        return ExitCodes.Ok;
    }

    private static void Echo(string? line, System.Text.StringBuilder output, TextWriter stdout)
    {
        if (line == null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
            stdout.WriteLine(line);
        }
    }

    private static SerialPortLink Open(string port, int baud)
    {
        if (!OperatingSystem.IsWindows() && !File.Exists(port))
        {
            throw new CliException($"cannot open serial port {port}: no such device; check --port (e.g. /dev/ttyUSB0 or /dev/ttyACM0)");
        }

        try
        {
            return new SerialPortLink(port, baud);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new CliException($"cannot open serial port {port}: {ex.Message}; check --port (e.g. /dev/ttyUSB0 or COM4)");
        }
    }
}
