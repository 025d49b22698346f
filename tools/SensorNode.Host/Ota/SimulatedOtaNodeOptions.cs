using System;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;

namespace SensorNode.Host.Ota;

/// <summary>What a <see cref="SimulatedOtaNode"/> is built from: its flash, network ports, trust anchors and app behaviour.</summary>
public sealed class SimulatedOtaNodeOptions
{
    /// <summary>The node's flash (slots, slot state, download record); survives reboots.</summary>
    public required IFileStore Store { get; init; }

    /// <summary>The MQTT link (MqttNetLink, or SimulatedMqttLink in tests); reused across reboots.</summary>
    public required IMqttLink Link { get; init; }

    /// <summary>HTTP with Range for image downloads (HttpClientRange).</summary>
    public required IHttpRange Http { get; init; }

    /// <summary>The image signing public key the node trusts.</summary>
    public required RsaPublicKey PublicKey { get; init; }

    /// <summary>The node's configuration (node id, prefix, interval, OTA limits).</summary>
    public required NodeConfig Config { get; init; }

    /// <summary>Where samples come from.</summary>
    public required ISampleSource Source { get; init; }

    /// <summary>Board the node is (image header check).</summary>
    public string Board { get; init; } = "esp32-devkitc-ve";

    /// <summary>Native assemblies of the node's firmware (image compatibility check); defaults to the device build's table.</summary>
    public FirmwareAssembly[] Firmware { get; init; } = SensorNode.Ota.Device.OtaTarget.Firmware();

    /// <summary>Connect options (client id defaults to the node id).</summary>
    public MqttConnectOptions? ConnectOptions { get; init; }

    /// <summary>Clock; defaults to the system clock.</summary>
    public IClock? Clock { get; init; }

    /// <summary>Live log of the session (may be null).</summary>
    public ISessionObserver? Observer { get; init; }

    /// <summary>Also receives every OTA report (e.g. a console log); may be null.</summary>
    public IOtaReporter? Reporter { get; init; }

    /// <summary>Handles commands that are neither configuration nor ota (identify, reboot); defaults to unsupported.</summary>
    public ICommandHandler? NextHandler { get; init; }

    /// <summary>Called after a configuration command was applied (log it, persist it); may be null.</summary>
    public Action<NodeConfig>? ConfigChanged { get; init; }

    /// <summary>Log for boots and decisions; defaults to nowhere.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>
    /// The simulated application of a version: false means it crashes at start, before connecting (a bad
    /// image whose trial can never pass its health check). Defaults to "every version starts".
    /// </summary>
    public Func<string, bool>? AppStarts { get; init; }

    /// <summary>A trial that has not passed its health check this long after boot is reset, milliseconds.</summary>
    public int TrialHealthTimeoutMilliseconds { get; init; } = 60_000;

    /// <summary>Readings restored from flash at power on (null: an empty buffer of 1024).</summary>
    public PendingReadings? Pending { get; init; }

    /// <summary>Sequence number of the first reading (restored from flash).</summary>
    public uint FirstSequence { get; init; }

    /// <summary>Boots before this power on (health boot_count = this + boots since).</summary>
    public uint BootCountBase { get; init; }

    /// <summary>Most readings per telemetry publish.</summary>
    public int MaxBatchReadings { get; init; } = 32;

    /// <summary>Bytes an update fetches per always-on step (the device's AlwaysOnNode.OtaStepBytes).</summary>
    public int OtaStepBytes { get; init; } = 16384;

    /// <summary>Time an update downloads per always-on step (the device's AlwaysOnNode.OtaStepMilliseconds).</summary>
    public int OtaStepMilliseconds { get; init; } = 500;

    /// <summary>Deadline of one HTTP body read (the device's DeviceOta.HttpTimeoutMilliseconds).</summary>
    public int OtaReadTimeoutMilliseconds { get; init; } = 10_000;

    /// <summary>Deadline of a whole update order within one boot.</summary>
    public int OtaOrderTimeoutMilliseconds { get; init; } = 900_000;
}
