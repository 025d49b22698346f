using System;
using System.Security.Cryptography;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;

namespace SensorNode.Tests.Ota;

/// <summary>
/// A simulated node's OTA side over any store and HTTP port: what the loader (BootManager) and the
/// application (OtaUpdater) do at each boot. Each <see cref="Reboot"/> builds fresh objects, as a real
/// reset would; only the store survives.
/// </summary>
internal sealed class OtaNode
{
    private readonly IFileStore _store;
    private readonly IHttpRange _http;
    private readonly RsaPublicKey _key;

    public OtaNode(IFileStore store, IHttpRange http, RsaPublicKey key, int maxTrialBoots = 3, int chunkBytes = 512)
    {
        _store = store;
        _http = http;
        _key = key;
        MaxTrialBoots = maxTrialBoots;
        ChunkBytes = chunkBytes;
        Reboot();
    }

    public int MaxTrialBoots { get; }

    public int ChunkBytes { get; }

    public RecordingReporter Reporter { get; } = new();

    public BootDecision Decision { get; private set; } = null!;

    public OtaUpdater Updater { get; private set; } = null!;

    public ImagePolicy Policy { get; private set; } = null!;

    /// <summary>Version of the image the node runs now ("none" when nothing booted).</summary>
    public string RunningVersion { get; private set; } = "none";

    /// <summary>Resets the node: loader decision (with its state write), then the application's boot report.</summary>
    public BootDecision Reboot()
    {
        Policy = OtaVectors.Policy();
        var verifier = new ImageVerifier(_store, _key, 1024);
        var boot = new BootManager(_store, verifier, Policy) { DefaultMaxTrialBoots = MaxTrialBoots };
        Decision = boot.Boot();
        RunningVersion = "none";
        if (Decision.Slot != SlotFiles.None)
        {
            var check = new ImageVerifier(_store, _key, 1024);
            if (check.CheckStructure(Decision.ImageName!) == ImageStatus.Ok)
            {
                RunningVersion = check.Header.VersionText;
            }
        }

        Updater = new OtaUpdater(_store, _http, Reporter, new ImageVerifier(_store, _key, 1024), Policy, ChunkBytes) { MaxTrialBoots = MaxTrialBoots };
        if (Decision.Slot != SlotFiles.None)
        {
            Updater.ReportBootEvents();
        }

        return Decision;
    }

    /// <summary>The image the decision chose passes full verification against the node's policy and floor.</summary>
    public ImageStatus VerifyRunning()
    {
        if (Decision.Slot == SlotFiles.None)
        {
            return ImageStatus.Truncated;
        }

        // Signature, hash, board and firmware; anti-rollback has its own tests.
        return new ImageVerifier(_store, _key, 1024).Verify(Decision.ImageName!, OtaVectors.Policy());
    }

    public static OtaCommand Command(byte[] image, string url = "http://127.0.0.1/app.snimg")
    {
        var header = new ImageHeader();
        header.Parse(image, 0, Math.Min(image.Length, ImageFormat.MaxHeaderLength));
        if (!OtaCommand.TryCreate(url, header.VersionText, Convert.ToHexStringLower(header.PayloadSha256), out OtaCommand cmd, out string reason))
        {
            throw new ArgumentException(reason);
        }

        return cmd;
    }

    public static void Install(IFileStore store, int slot, byte[] image) => store.Replace(SlotFiles.Image(slot), image, 0, image.Length);
}
