namespace SensorNode.NanoClr;

/// <summary>
/// <c>SensorNode.NanoClr convert TOOLCHAIN OUT_FOLDER DLL [NAME=DLL ...]</c>: converts one assembly with upstream's
/// MetadataProcessor exactly as the test stage does (<see cref="Converter"/>: mscorlib from the CoreLibrary package,
/// every other reference from the given NAME=DLL hints, else beside DLL). The one converter that tools/speed-bench.sh
/// and tools/nanoclr/ota-loader-proof.sh call, so no script keeps its own MetadataProcessor command line.
/// Exit 0 with OUT_FOLDER/NAME.pe written, 1 when the conversion failed (one line says why), 2 on a usage error.
/// </summary>
internal static class ConvertCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 3)
        {
            Console.Error.WriteLine("usage: SensorNode.NanoClr convert TOOLCHAIN OUT_FOLDER DLL [NAME=DLL ...]");
            return 2;
        }

        Dictionary<string, string> hints = new(StringComparer.Ordinal);
        foreach (string hint in args.Skip(3))
        {
            int eq = hint.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == hint.Length - 1)
            {
                Console.Error.WriteLine("convert: a hint is NAME=DLL, got '" + hint + "'");
                return 2;
            }

            hints[hint[..eq]] = Path.GetFullPath(hint[(eq + 1)..]);
        }

        Toolchain toolchain = new(Path.GetFullPath(args[0]), Toolchain.DefaultCoreLibraryFolder());
        string dll = Path.GetFullPath(args[2]);
        string? failure = File.Exists(dll) ? new Converter(toolchain).Convert(dll, Path.GetFullPath(args[1]), hints) : "no such assembly: " + dll;
        if (failure != null)
        {
            Console.Error.WriteLine("convert " + Path.GetFileName(dll) + ": " + failure);
            return 1;
        }

        return 0;
    }
}
