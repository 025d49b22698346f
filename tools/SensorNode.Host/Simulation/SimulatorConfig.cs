using System;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Provisioning;
using SensorNode.Host.Mqtt;

namespace SensorNode.Host.Simulation;

/// <summary>
/// The simulated node's configuration in its flash (--state), through the provisioning
/// <see cref="ConfigStore"/> (docs/spec/config-blob.md), so that a configuration provisioned over --serial
/// or changed by an MQTT command survives a restart exactly as on a device. Certificates live in the store
/// as files (ca.N.pem ...); the host hands MQTTnet their paths.
/// </summary>
public sealed class SimulatorConfig
{
    private readonly IFileStore _store;
    private readonly string? _directory;

    /// <summary>Wraps the node's flash; <paramref name="directory"/> is its host directory, or null when in memory.</summary>
    public SimulatorConfig(IFileStore store, string? directory)
    {
        _store = store;
        _directory = directory;
    }

    /// <summary>Loads the committed (or backup) configuration into <paramref name="target"/>; false when unprovisioned.</summary>
    public bool TryLoad(NodeConfig target) => new ConfigStore(_store).Load(target) != ConfigLoadStatus.Unprovisioned;

    /// <summary>Host path of a store file, or null when the name is empty or the flash is in memory.</summary>
    public string? PathOf(string storeName) =>
        _directory == null || string.IsNullOrEmpty(storeName) ? null : Path.Combine(_directory, storeName);

    /// <summary>The broker the stored configuration names (with its certificate files), or null when none.</summary>
    public MqttEndpoint? StoredBroker(NodeConfig config) => config.BrokerHost.Length == 0 ? null : new MqttEndpoint
    {
        Host = config.BrokerHost,
        Port = config.BrokerPort,
        UseTls = config.UseTls,
        CaFile = config.UseTls ? PathOf(config.CaCertificateFile) : null,
        CertFile = config.UseTls ? PathOf(config.ClientCertificateFile) : null,
        KeyFile = config.UseTls ? PathOf(config.ClientKeyFile) : null,
    };

    /// <summary>
    /// Commits <paramref name="config"/> as the node's configuration, naming <paramref name="broker"/> (whose
    /// certificate files are copied into the flash unless they are already there). A simulated node has no
    /// Wi-Fi: an empty SSID is stored as "simulator". Returns null, or the reason the commit was refused.
    /// </summary>
    public string? Save(NodeConfig config, MqttEndpoint broker)
    {
        var staged = new NodeConfig();
        ConfigFields.CopyAll(config, staged);
        staged.WifiSsid = staged.WifiSsid.Length > 0 ? staged.WifiSsid : "simulator";
        staged.BrokerHost = broker.Host;
        staged.BrokerPort = broker.Port;
        staged.UseTls = broker.UseTls;
        Stage(staged, 0, broker.UseTls ? broker.CaFile : null);
        Stage(staged, 1, broker.UseTls ? broker.CertFile : null);
        Stage(staged, 2, broker.UseTls ? broker.KeyFile : null);
        var problem = new ConfigProblem();
        if (new ConfigStore(_store).Commit(staged, problem) != ProvisioningStatus.Ok)
        {
            return $"{ConfigFields.Name(problem.FieldId)} {problem.Message} ({problem.Status})";
        }

        config.ConfigVersion = staged.ConfigVersion;
        ConfigFields.CopyAll(staged, config);
        return null;
    }

    private void Stage(NodeConfig staged, int kind, string? hostFile)
    {
        int field = FileSet.FieldOf(kind);
        string current = ConfigFields.GetText(staged, field);
        if (hostFile == null)
        {
            ConfigFields.SetText(staged, field, string.Empty);
            return;
        }

        string? inStore = PathOf(current);
        if (inStore != null && Path.GetFullPath(inStore) == Path.GetFullPath(hostFile))
        {
            return;
        }

        byte[] bytes = File.ReadAllBytes(hostFile);
        _store.Replace(FileSet.StagedName(kind), bytes, 0, bytes.Length);
        ConfigFields.SetText(staged, field, FileSet.StagedName(kind));
    }
}
