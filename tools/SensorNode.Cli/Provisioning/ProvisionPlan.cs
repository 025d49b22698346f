using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Provisioning;

namespace SensorNode.Cli.Provisioning;

/// <summary>One file to provision: its kind, the CLI option that named it, path and content.</summary>
internal sealed record PlannedFile(ConfigField Kind, string Option, string Path, byte[] Content);

/// <summary>
/// Everything `sensornode provision` will send, checked in full before anything is sent: node.json through
/// the core's <see cref="ConfigValidator"/> (the node runs the same checks), and each file's size and form.
/// </summary>
internal sealed class ProvisionPlan
{
    /// <summary>CLI option of each file kind, in kind order (40..43).</summary>
    public static readonly (string Option, ConfigField Kind)[] FileOptions =
    {
        ("--ca", ConfigField.CaCertificate),
        ("--cert", ConfigField.ClientCertificate),
        ("--key", ConfigField.ClientKey),
        ("--ota-pubkey", ConfigField.OtaPublicKey),
    };

    private ProvisionPlan(NodeConfig config, List<PlannedFile> files)
    {
        Config = config;
        Files = files;
    }

    public NodeConfig Config { get; }

    public IReadOnlyList<PlannedFile> Files { get; }

    public static ProvisionPlan Build(string configPath, Func<string, string?> option)
    {
        NodeConfig config = NodeJson.Load(configPath);
        var files = new List<PlannedFile>();
        foreach ((string name, ConfigField kind) in FileOptions)
        {
            string? path = option(name);
            if (path == null)
            {
                continue;
            }

            byte[] content = ReadFile(name, path);
            files.Add(new PlannedFile(kind, name, path, content));
            ConfigFields.SetText(config, (int)kind, FileSet.StagedName((int)kind - ConfigFields.FirstFile));
        }

        var problem = new ConfigProblem();
        if (ConfigValidator.CheckAll(config, problem) != ProvisioningStatus.Ok)
        {
            throw new CliException(Describe(problem, Path.GetFileName(configPath)));
        }

        return new ProvisionPlan(config, files);
    }

    /// <summary>"node.json: brokerPort: must be ..." or "--ca (caCertificate): is required ...".</summary>
    public static string Describe(ConfigProblem problem, string configName)
    {
        foreach ((string name, ConfigField kind) in FileOptions)
        {
            if ((int)kind == problem.FieldId)
            {
                return $"{name} ({ConfigFields.Name(problem.FieldId)}): {problem.Message}";
            }
        }

        return $"{configName}: {problem}";
    }

    private static byte[] ReadFile(string option, string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{option}: file not found: {path}");
        }

        byte[] content = File.ReadAllBytes(path);
        if (content.Length == 0 || content.Length > ProvisioningLimits.MaxFileBytes)
        {
            throw new CliException($"{option}: {Path.GetFileName(path)} is {content.Length} bytes; files must be 1 to {ProvisioningLimits.MaxFileBytes} bytes");
        }

        if (!System.Text.Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 64)).TrimStart().StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            throw new CliException($"{option}: {Path.GetFileName(path)} is not a PEM file (it should start with '-----BEGIN ')");
        }

        string text = System.Text.Encoding.ASCII.GetString(content);
        (string label, string what) = option switch
        {
            "--ca" or "--cert" => ("CERTIFICATE-----", "a certificate ('-----BEGIN CERTIFICATE-----')"),
            "--key" => ("PRIVATE KEY-----", "a private key ('-----BEGIN PRIVATE KEY-----' or '-----BEGIN EC/RSA PRIVATE KEY-----')"),
            _ => ("PUBLIC KEY-----", "a public key ('-----BEGIN PUBLIC KEY-----'; 'sensornode ota keygen' writes one)"),
        };
        int begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        int end = begin < 0 ? -1 : text.IndexOf('\n', begin);
        string firstLabel = end < 0 ? text[Math.Max(begin, 0)..] : text[begin..end];
        if (!firstLabel.TrimEnd().EndsWith(label, StringComparison.Ordinal))
        {
            throw new CliException($"{option}: {Path.GetFileName(path)} starts with '{firstLabel.TrimEnd()}', but {option} takes {what}");
        }

        if (option == "--ota-pubkey")
        {
            // The node reads the key with this same parser (docs/spec/ota-image.md §8.3).
            PublicKeyStatus status = PublicKeyPem.Parse(content, content.Length, out _);
            if (status != PublicKeyStatus.Ok)
            {
                throw new CliException($"{option}: {Path.GetFileName(path)}: {PublicKeyStatusText.Of(status)}: {OtaKeyAdvice.For(status)}");
            }
        }

        return content;
    }
}
