using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace SensorNode.Cli;

/// <summary>
/// Where a verb may write (docs/hostile-peers.md): an output must be absent or a regular file (not a
/// symbolic link, directory, FIFO, device such as /dev/full), and must not be any of the verb's inputs,
/// also not through a link (same device and inode). Writes go to a temporary file beside it, then one
/// rename, so a failure keeps the previous file. Every refusal is one CliException line naming the option.
/// </summary>
internal static class OutputPathGuard
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;
    private const int SymbolicLink = 0xA000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    // .NET's own System.Native stat (the PAL every FileStream uses): Mode at 4, Size at 16, Dev at 88,
    // Ino at 104 in .NET 10's FileStatus. Size is checked against FileInfo.Length before Dev/Ino are trusted.
    private const int ModeOffset = 4;
    private const int SizeOffset = 16;
    private const int DevOffset = 88;
    private const int InoOffset = 104;

    /// <summary>Refuses <paramref name="output"/> (given as <paramref name="option"/>) unless absent or a regular file that is none of <paramref name="inputs"/>.</summary>
    public static void Check(string option, string output, IEnumerable<string> inputs)
    {
        if (output.Length == 0)
        {
            throw new CliException($"{option}: empty path; give a file name");
        }

        string? parent = Path.GetDirectoryName(Path.GetFullPath(output));
        if (parent == null || !System.IO.Directory.Exists(parent))
        {
            throw new CliException($"{option} {output}: directory {parent} does not exist; create it first");
        }

        if (System.IO.Directory.Exists(output))
        {
            throw new CliException($"{option} {output}: is a directory; give a file name");
        }

        string? kind = NotRegular(output);
        if (kind != null)
        {
            throw new CliException($"{option} {output}: is {kind}, not a regular file; give the path of a regular file (or of a new one)");
        }

        foreach (string input in inputs)
        {
            if (SameFile(input, output))
            {
                throw new CliException($"{option} {output}: is the input {input}; writing it would destroy the input, choose another output");
            }
        }
    }

    /// <summary>Writes <paramref name="output"/> through a temporary file beside it and one rename, after <see cref="Check"/>.</summary>
    public static void WriteAtomically(string option, string output, IEnumerable<string> inputs, Action<Stream> write)
    {
        Check(option, output, inputs);
        string temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "." + Path.GetFileName(output) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, output, overwrite: true);
        }
        catch (IOException ex)
        {
            throw new CliException($"{option} {output}: cannot write ({ex.Message})", ExitCodes.Failed);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"{option} {output}: permission denied", ExitCodes.Failed);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Bytes version of <see cref="WriteAtomically(string, string, IEnumerable{string}, Action{Stream})"/>.</summary>
    public static void WriteAtomically(string option, string output, IEnumerable<string> inputs, byte[] content) =>
        WriteAtomically(option, output, inputs, s => s.Write(content, 0, content.Length));

    /// <summary>What <paramref name="path"/> is when it exists and is not a regular file ("a symbolic link", "a FIFO", …); null otherwise.</summary>
    public static string? NotRegular(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget != null)
        {
            return "a symbolic link";
        }

        if (OperatingSystem.IsWindows())
        {
            return info.Exists && (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0 ? "a device or link" : null;
        }

        byte[] status = new byte[512];
        if (LStat(path, status) != 0)
        {
            return null; // absent
        }

        return (BitConverter.ToInt32(status, ModeOffset) & TypeMask) switch
        {
            RegularFile => null,
            Directory => "a directory",
            SymbolicLink => "a symbolic link",
            Fifo => "a FIFO",
            CharacterDevice or BlockDevice => "a device",
            Socket => "a socket",
            _ => "not a regular file",
        };
    }

    /// <summary>True when both paths name the same existing file (links followed).</summary>
    public static bool SameFile(string a, string b)
    {
        if (!File.Exists(a) || !File.Exists(b))
        {
            return false;
        }

        string fullA = Resolve(a);
        string fullB = Resolve(b);
        if (string.Equals(fullA, fullB, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return true;
        }

        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        byte[] sa = new byte[512];
        byte[] sb = new byte[512];
        if (Stat(a, sa) != 0 || Stat(b, sb) != 0
            || BitConverter.ToInt64(sa, SizeOffset) != new FileInfo(a).Length || BitConverter.ToInt64(sb, SizeOffset) != new FileInfo(b).Length)
        {
            return false; // layout not as expected: the path comparison above is all we can say
        }

        return BitConverter.ToInt64(sa, DevOffset) == BitConverter.ToInt64(sb, DevOffset) && BitConverter.ToInt64(sa, InoOffset) == BitConverter.ToInt64(sb, InoOffset);
    }

    private static string Resolve(string path)
    {
        FileSystemInfo? target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        return Path.GetFullPath(target?.FullName ?? path);
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi)]
    private static extern int LStat(string path, byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi)]
    private static extern int Stat(string path, byte[] status);
}
