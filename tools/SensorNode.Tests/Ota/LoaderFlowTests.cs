using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Ota;

/// <summary>The loader's boot: slot choice, firmware-compatibility refusal, and what it hands the application loader.</summary>
[TestClass]
public sealed class LoaderFlowTests
{
    [TestMethod]
    public void GoodImage_StartsItsFilesInManifestOrder()
    {
        var store = new SimulatedFileStore();
        byte[] two = OtaVectors.Read("two-files.snimg");
        store.Replace(SlotFiles.Image(0), two, 0, two.Length);
        var loader = new RecordingLoader();
        var flow = new LoaderFlow(store, new ImageVerifier(store, OtaVectors.PublicKey(), 1024), OtaVectors.Policy(), loader);
        Assert.AreEqual(LoaderOutcome.Started, flow.Run());
        Assert.AreEqual(BootAction.AdoptA, flow.Decision.Action);
        CollectionAssert.AreEqual(new[] { "Lib.pe:40:64", "App.pe:24:128" }, loader.Files);
        Assert.AreEqual("App.Program", loader.EntryType);
    }

    [TestMethod]
    public void FirmwareChangedUnderAConfirmedApp_IsRefusedNotStarted()
    {
        var store = new SimulatedFileStore();
        byte[] minimal = OtaVectors.Read("minimal.snimg");
        store.Replace(SlotFiles.Image(0), minimal, 0, minimal.Length);
        Assert.AreEqual(LoaderOutcome.Started, new LoaderFlow(store, new ImageVerifier(store, OtaVectors.PublicKey(), 1024), OtaVectors.Policy(), new RecordingLoader()).Run());

        // The runtime was reflashed with another mscorlib: the confirmed app's .pe files no longer fit.
        var newFirmware = new ImagePolicy(OtaVectors.Board, new[] { new FirmwareAssembly("mscorlib", 1, 18, 0, 0, 0) }, 0);
        var loader = new RecordingLoader();
        var flow = new LoaderFlow(store, new ImageVerifier(store, OtaVectors.PublicKey(), 1024), newFirmware, loader);
        Assert.AreEqual(LoaderOutcome.IncompatibleFirmware, flow.Run());
        Assert.AreEqual(0, loader.Files.Count);
    }

    [TestMethod]
    public void NoImage_IsNoBootableImage()
    {
        var store = new SimulatedFileStore();
        var flow = new LoaderFlow(store, new ImageVerifier(store, OtaVectors.PublicKey(), 1024), OtaVectors.Policy(), new RecordingLoader());
        Assert.AreEqual(LoaderOutcome.NoBootableImage, flow.Run());
    }

    private sealed class RecordingLoader : IApplicationLoader
    {
        public List<string> Files { get; } = new();

        public string EntryType { get; private set; } = string.Empty;

        public AppStartStatus Start(IFileStore store, string imageName, int payloadOffset, PayloadManifest manifest)
        {
            for (int i = 0; i < manifest.FileCount; i++)
            {
                byte[] pe = new byte[manifest.FileLengths[i]];
                Assert.AreEqual(pe.Length, store.Read(imageName, payloadOffset + manifest.FileOffsets[i], pe, 0, pe.Length));
                Files.Add($"{manifest.FileNames[i]}:{pe.Length}:{pe[0]}");
            }

            EntryType = manifest.EntryType;
            return AppStartStatus.Ran;
        }
    }
}
