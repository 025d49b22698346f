using System;
using SensorNode.Core.Ota;
using SensorNode.Ota.Device;

namespace OtaLoaderProof
{
    /// <summary>
    /// Runs the loader's code path on nanoCLR (docs/spec/ota-slots.md §10): the boot table over a slot store, the
    /// verifier with the compiled-in key, Assembly.Load(byte[]) of the image's .pe files and the entry point, as
    /// SensorNode.Loader's Program does on a device. ProofScenario.Name (generated) picks the scenario; every
    /// line starting "proof:" is checked by tools/nanoclr/ota-loader-proof.sh.
    /// </summary>
    public static class Program
    {
        private const string Board = "esp32-devkitc-ve";

        public static void Main()
        {
            string scenario = ProofScenario.Name;
            Console.WriteLine("proof: scenario " + scenario);
            var store = new RamFileStore();
            if (scenario == "trial")
            {
                Trial(store);
                return;
            }

            byte[] image = ProofImages.V1;
            if (scenario == "tampered")
            {
                // One payload byte of the signed image changed after signing (before the 384-byte signature).
                image = new byte[ProofImages.V1.Length];
                Array.Copy(ProofImages.V1, image, image.Length);
                image[image.Length - 385] ^= 0x01;
            }

            // The first image in slot A, as flash.ps1 places it over nanoff --filedeployment; no slot state yet.
            store.Put(SlotFiles.Image(0), image);
            var loader = new CountingLoader(scenario == "verify-only" ? null : new AssemblyApplicationLoader());
            LoaderFlow flow = Flow(store, loader);
            LoaderOutcome outcome = flow.Run();
            Console.WriteLine("proof: outcome " + Name(outcome) + ", slot " + SlotFiles.Letter(flow.Decision.Slot) + ", starts " + loader.Starts + ", start status " + (int)flow.StartStatus);
        }

        // A confirmed 1.0.0 in slot A, a 1.1.0 on trial in slot B whose application never confirms: every boot
        // runs the real boot table and verifier; the start is recorded, not loaded (each device boot is a fresh
        // runtime, which one nanoCLR process cannot be for several boots).
        private static void Trial(RamFileStore store)
        {
            store.Put(SlotFiles.Image(0), ProofImages.V1);
            store.Put(SlotFiles.Image(1), ProofImages.V2);
            var state = new SlotState();
            state.Sequence = 1;
            state.ConfirmedSlot = 0;
            state.TrialSlot = 1;
            state.MaxTrialBoots = 3;
            state.SecurityFloor = 1;
            state.TrialSecurityCounter = 2;
            state.TrialMajor = 1;
            state.TrialMinor = 1;
            new SlotStateStore(store).Save(state);
            for (int boot = 1; boot <= 6; boot++)
            {
                var loader = new CountingLoader(null);
                LoaderFlow flow = Flow(store, loader);
                LoaderOutcome outcome = flow.Run();
                var after = new SlotState();
                new SlotStateStore(store).Load(after);
                Console.WriteLine("proof: boot " + boot + " slot " + SlotFiles.Letter(flow.Decision.Slot) + (flow.Decision.IsTrial ? " trial" : string.Empty) + " outcome " + Name(outcome) + " rollback " + (int)after.Rollback);
            }
        }

        private static LoaderFlow Flow(RamFileStore store, CountingLoader loader)
        {
            RsaPublicKey key = OtaKeyChoice.Choose(store, string.Empty, OtaPublicKey.Modulus).Key;
            var verifier = new ImageVerifier(store, key, 1024);
            var policy = new ImagePolicy(Board, new FirmwareAssembly[] { new FirmwareAssembly("mscorlib", 1, 17, 11, 0, 0) }, 0);
            return new LoaderFlow(store, verifier, policy, loader);
        }

        private static string Name(LoaderOutcome outcome)
        {
            switch (outcome)
            {
                case LoaderOutcome.Started: return "Started";
                case LoaderOutcome.NoBootableImage: return "NoBootableImage";
                case LoaderOutcome.IncompatibleFirmware: return "IncompatibleFirmware";
                case LoaderOutcome.ImageUnreadable: return "ImageUnreadable";
                default: return "StartFailed";
            }
        }
    }
}
