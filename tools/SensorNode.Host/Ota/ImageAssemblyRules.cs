using System;
using System.Collections.Generic;
using System.IO;

namespace SensorNode.Host.Ota;

/// <summary>
/// The versioning rule of docs/spec/ota-slots.md §10, checked before an image is signed: nanoCLR binds a
/// reference to the first loaded assembly of that name and major.minor (nf-interpreter TypeSystem.cpp,
/// FindAssembly), and the loader's assemblies are loaded first. So an image (1) never carries an assembly the
/// loader holds, whatever its version: with the same major.minor it would never run, with another it would load
/// beside the loader's copy and shadow it; (2) references the loader's assemblies at exactly the major.minor the
/// loader holds, or they do not bind; (3) carries each assembly once.
/// </summary>
public static class ImageAssemblyRules
{
    /// <summary>Null when the files keep the rule, else a one-line reason naming the file and both versions.</summary>
    public static string? Check(IReadOnlyList<(string FileName, byte[] Bytes)> files, LoaderAssemblies loader)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string fileName, byte[] bytes) in files)
        {
            PeAssembly? pe = PeAssembly.TryRead(bytes);
            string name = pe?.Name ?? Path.GetFileNameWithoutExtension(fileName);
            string shown = pe == null ? name : $"{name} {pe.Version}";
            if (seen.TryGetValue(name, out string? first))
            {
                return $"{fileName}: the image carries {name} twice ({first} and {fileName}); nanoCLR binds only the first loaded (docs/spec/ota-slots.md §10)";
            }

            seen[name] = fileName;
            if (loader.Holds(name, out Version? held))
            {
                string heldText = held == null ? name : $"{name} {held}";
                bool sameLine = pe != null && held != null && pe.Version.Major == held.Major && pe.Version.Minor == held.Minor;
                return sameLine || pe == null || held == null
                    ? $"{fileName}: {shown} is in the loader's deployment ({heldText}, {loader.Source}); nanoCLR binds the first loaded {name} of a major.minor, so the image's copy would never run. Leave it out of the image: the image uses the loader's (docs/spec/ota-slots.md §10)"
                    : $"{fileName}: {shown} would load beside the loader's {heldText} ({loader.Source}) and shadow it, splitting the application between two copies. Leave it out of the image; to change {name}, redeploy the loader with nanoff (docs/spec/ota-slots.md §10)";
            }

            if (pe == null)
            {
                continue;
            }

            foreach (PeAssemblyRef reference in pe.References)
            {
                if (loader.Holds(reference.Name, out Version? refHeld) && refHeld != null
                    && (reference.Version.Major != refHeld.Major || reference.Version.Minor != refHeld.Minor))
                {
                    return $"{fileName}: {shown} references {reference.Name} {reference.Version}, but the loader holds {reference.Name} {refHeld} ({loader.Source}): it would not bind on the device. Build the image against {reference.Name} {PeAssembly.MajorMinor(refHeld)} (docs/spec/ota-slots.md §10)";
                }
            }
        }

        return null;
    }
}
