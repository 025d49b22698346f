using System;
using System.Reflection;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>
    /// <see cref="IApplicationLoader"/> with mscorlib's Assembly.Load(byte[]) (nanoFramework 1.17.11 with
    /// reflection): each .pe file of the manifest is read into its own array (the runtime keeps it),
    /// loaded in manifest order, then the entry type's static Main() is invoked. Part of SensorNode.Boot so that
    /// the loader and the nanoCLR proof (docs/spec/ota-slots.md §10) run the same code. An image assembly binds to
    /// the first loaded assembly of its name and major.minor, which is why an image never carries one the loader
    /// deployment holds (§10).
    /// </summary>
    public sealed class AssemblyApplicationLoader : IApplicationLoader
    {
        /// <inheritdoc />
        public AppStartStatus Start(IFileStore store, string imageName, int payloadOffset, PayloadManifest manifest)
        {
            Assembly entry = null;
            for (int i = 0; i < manifest.FileCount; i++)
            {
                byte[] pe = new byte[manifest.FileLengths[i]];
                if (store.Read(imageName, payloadOffset + manifest.FileOffsets[i], pe, 0, pe.Length) != pe.Length)
                {
                    return AppStartStatus.ReadFailed;
                }

                Assembly assembly;
                try
                {
                    assembly = Assembly.Load(pe);
                }
                catch (Exception)
                {
                    return AppStartStatus.AssemblyRejected;
                }

                if (assembly == null)
                {
                    return AppStartStatus.AssemblyRejected;
                }

                if (i == manifest.EntryIndex)
                {
                    entry = assembly;
                }
            }

            // The application opens the drive with its own store: let go of the image file first.
            var holder = store as IReadHandleHolder;
            if (holder != null)
            {
                holder.ReleaseReadHandle();
            }

            Type type = entry.GetType(manifest.EntryType);
            MethodInfo main = type == null ? null : type.GetMethod("Main", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            if (main == null)
            {
                return AppStartStatus.EntryPointMissing;
            }

            try
            {
                main.Invoke(null, null);
            }
            catch (Exception)
            {
                return AppStartStatus.EntryPointFailed;
            }

            return AppStartStatus.Ran;
        }
    }
}
