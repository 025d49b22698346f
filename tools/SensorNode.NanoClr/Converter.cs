namespace SensorNode.NanoClr;

/// <summary>
/// Converts a compiled assembly into the .pe a device runs with upstream's unmodified MetadataProcessor, exactly as
/// the toolchain README says: one <c>-loadHints NAME DLL</c> per referenced assembly.
/// </summary>
internal sealed class Converter
{
    private readonly Toolchain _toolchain;

    public Converter(Toolchain toolchain)
    {
        _toolchain = toolchain;
    }

    /// <summary>
    /// Converts <paramref name="dll"/> into <paramref name="outputFolder"/>. References resolve to mscorlib from the
    /// CoreLibrary package, to <paramref name="overrides"/>, else to the DLL of that name next to <paramref name="dll"/>
    /// (the build copies every reference there). Returns null on success, else why it failed.
    /// </summary>
    public string? Convert(string dll, string outputFolder, IDictionary<string, string> overrides)
    {
        AssemblyFacts facts = AssemblyFacts.Read(dll);
        List<string> args = new() { _toolchain.Mdp, "-loadHints", "mscorlib", _toolchain.MscorlibDll };
        foreach (string reference in facts.References)
        {
            if (reference == "mscorlib")
            {
                continue;
            }

            string hint = overrides.TryGetValue(reference, out string? given) ? given : Path.Combine(Path.GetDirectoryName(dll)!, reference + ".dll");
            if (!File.Exists(hint))
            {
                return "referenced assembly " + reference + " not found at " + hint;
            }

            args.AddRange(new[] { "-loadHints", reference, hint });
        }

        Directory.CreateDirectory(outputFolder);
        string pe = Path.Combine(outputFolder, facts.Name + ".pe");
        File.Delete(pe);
        args.AddRange(new[] { "-parse", dll, "-compile", pe, "false" });
        ProcessResult result = ProcessResult.Run("dotnet", args, TimeSpan.FromMinutes(3));
        if (result.TimedOut || result.ExitCode != 0 || result.Output.Contains("Unhandled exception", StringComparison.Ordinal) || !File.Exists(pe))
        {
            string detail = result.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("rror", StringComparison.Ordinal)) ?? ("exit " + result.ExitCode);
            return (result.TimedOut ? "timed out" : "MetadataProcessor failed") + ": " + detail;
        }

        return null;
    }
}
