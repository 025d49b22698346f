using System;
using System.Threading;
using SensorNode.Core.Ota;
using SensorNode.Ota.Device;

namespace SensorNode.Loader
{
    /// <summary>
    /// The OTA loader (docs/spec/ota-slots.md): the application deployed with nanoff. At every boot it
    /// runs the boot table over the slots on I:\, refuses images built for another firmware, and starts
    /// the chosen application's Main. Composition root only; the logic is SensorNode.Core.Ota.LoaderFlow, in
    /// SensorNode.Boot, the one assembly besides this one that the loader deploys (firmware/deployments.json).
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            var store = new LittleFsFileStore(LoaderSettings.Drive);

            // The same key the application updates with: the provisioned one when the committed configuration
            // names a usable file (config-blob.md §4.3; the loader reads that one record, not the whole config).
            string keyFile;
            try
            {
                keyFile = new ProvisionedKeyFile(store).Find();
            }
            catch (Exception ex)
            {
                Console.WriteLine("loader: config unreadable (" + ex.Message + "); using the build's key");
                keyFile = string.Empty;
            }

            var key = DeviceOtaKey.Load(store, keyFile, "loader");
            var verifier = new ImageVerifier(store, key, LoaderSettings.ChunkBytes);
            var policy = OtaTarget.Policy();
            var flow = new LoaderFlow(store, verifier, policy, new AssemblyApplicationLoader());
            LoaderOutcome outcome;
            try
            {
                outcome = flow.Run();
            }
            catch (Exception ex)
            {
                Console.WriteLine("loader: fault: " + ex.Message);
                return;
            }

            BootDecision d = flow.Decision;
            Console.WriteLine("loader: row " + d.Row + ", slot " + SlotFiles.Letter(d.Slot) + (d.IsTrial ? " (trial)" : string.Empty) + ", outcome " + (int)outcome + ", start " + (int)flow.StartStatus);
            if (outcome != LoaderOutcome.Started)
            {
                // Nothing to run: stay up for the debugger/nanoff so a new image can be deployed.
                Thread.Sleep(Timeout.Infinite);
            }
        }
    }
}
