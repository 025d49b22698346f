using SensorNode.Core.Checksums;
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace SensorNode.Cli.Provisioning;

/// <summary>
/// The nanoff path (docs/spec/config-blob.md §4.4): the same config blob and files the serial commit would
/// write, placed on the node's I:\ drive by `nanoff --filedeployment deploy.json`. The JSON follows
/// nanoFirmwareFlasher's FileDeploymentConfiguration: "serialport" and "files" with
/// "DestinationFilePath" / "SourceFilePath" entries.
/// </summary>
internal sealed class NanoffDeployment
{
    public const string DeployJsonName = "deploy.json";

    private NanoffDeployment(byte[] blob, string json, string jsonPath, string blobPath, IReadOnlyList<NanoffFile> files)
    {
        Files = files;
        Blob = blob;
        Json = json;
        JsonPath = jsonPath;
        BlobPath = blobPath;
    }

    /// <summary>Every file of the deployment, in order: config.bin first, then the certificates and keys.</summary>
    public IReadOnlyList<NanoffFile> Files { get; }

    public byte[] Blob { get; }

    public string Json { get; }

    public string JsonPath { get; }

    public string BlobPath { get; }

    public string Command => $"nanoff --filedeployment \"{JsonPath}\"";

    /// <summary>Builds the blob (version = node.json configVersion, or seconds since 2023-11-14) and the deployment JSON.</summary>
    public static NanoffDeployment Build(ProvisionPlan plan, string port, string outDirectory)
    {
        NodeConfig config = new NodeConfig();
        ConfigFields.CopyAll(plan.Config, config);
        if (config.ConfigVersion < 1)
        {
            config.ConfigVersion = (int)Math.Max(1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1_700_000_000);
        }

        var fileSet = new FileSet();
        string outFull = Path.GetFullPath(outDirectory);
        string blobPath = Path.Combine(outFull, ConfigStore.CurrentName);
        var entries = new List<(string Destination, string Source)> { (@"I:\" + ConfigStore.CurrentName, blobPath) };
        foreach (PlannedFile file in plan.Files)
        {
            int kind = (int)file.Kind - ConfigFields.FirstFile;
            string name = FileSet.CommittedName(kind, config.ConfigVersion);
            ConfigFields.SetText(config, (int)file.Kind, name);
            fileSet.Lengths[kind] = file.Content.Length;
            fileSet.Crcs[kind] = Crc32.Compute(file.Content, 0, file.Content.Length);
            entries.Add((@"I:\" + name, Path.GetFullPath(file.Path)));
        }

        var blob = new byte[ConfigBlob.MaxBytes];
        int length = ConfigBlob.Encode(config, fileSet, blob);
        if (length < 0)
        {
            throw new CliException("the configuration is too large for a config blob (2048 bytes); shorten text fields");
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("serialport", port);
            w.WriteStartArray("files");
            foreach ((string destination, string source) in entries)
            {
                w.WriteStartObject();
                w.WriteString("DestinationFilePath", destination);
                w.WriteString("SourceFilePath", source);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        string json = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        var files = new List<NanoffFile>();
        foreach ((string destination, string source) in entries)
        {
            files.Add(new NanoffFile(source, destination));
        }

        return new NanoffDeployment(blob.AsSpan(0, length).ToArray(), json, Path.Combine(outFull, DeployJsonName), blobPath, files);
    }

    /// <summary>Writes config.bin and deploy.json, each through a temporary file, so nothing partial is left.</summary>
    public void Write()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(JsonPath)!);
        WriteAtomically(BlobPath, Blob);
        WriteAtomically(JsonPath, Encoding.UTF8.GetBytes(Json + "\n"));
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
