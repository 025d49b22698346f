namespace SensorNode.NanoClr;

/// <summary>
/// Paths of the upstream nanoFramework pieces: the Linux toolchain folder (README there) and mscorlib from the
/// nanoFramework.CoreLibrary package the firmware compiles against.
/// </summary>
internal sealed class Toolchain
{
    public const string CoreLibraryVersion = "1.17.11";

    public Toolchain(string folder, string coreLibraryFolder)
    {
        Folder = folder;
        CoreLibraryFolder = coreLibraryFolder;
    }

    public string Folder { get; }

    public string CoreLibraryFolder { get; }

    public string Mdp => Path.Combine(Folder, "mdp", "mdp.dll");

    public string NanoClr => Path.Combine(Folder, "nanoclr", "nanoFramework.nanoCLR.test");

    public string TestFrameworkDll => Path.Combine(Folder, "testframework", "nanoFramework.TestFramework.dll");

    public string TestFrameworkPe => Path.Combine(Folder, "testframework", "nanoFramework.TestFramework.pe");

    public string LauncherPe => Path.Combine(Folder, "testframework", "nanoFramework.UnitTestLauncher.pe");

    public string MscorlibDll => Path.Combine(CoreLibraryFolder, "mscorlib.dll");

    public string MscorlibPe => Path.Combine(CoreLibraryFolder, "mscorlib.pe");

    /// <summary>The first file or folder the stage needs that is not there, or null when all are.</summary>
    public string? Missing()
    {
        foreach (string path in new[] { Mdp, NanoClr, TestFrameworkDll, TestFrameworkPe, LauncherPe, MscorlibDll, MscorlibPe })
        {
            if (!File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    public static string DefaultCoreLibraryFolder()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "nanoframework.corelibrary", CoreLibraryVersion, "lib");
    }
}
