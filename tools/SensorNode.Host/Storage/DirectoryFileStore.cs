using System;
using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Storage;

/// <summary>
/// <see cref="IFileStore"/> over a host directory: the simulator's "flash" (--state DIR). Replace and
/// Rename use write-to-temporary plus rename, as the device adapter does on LittleFS.
/// </summary>
public sealed class DirectoryFileStore : IFileStore
{
    private readonly string _root;

    public DirectoryFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    /// <summary>Bytes written by Append and Replace since construction (flash-wear accounting).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Mutating operations since construction.</summary>
    public int WriteCount { get; private set; }

    public int Length(string name)
    {
        var info = new FileInfo(PathOf(name));
        return info.Exists ? checked((int)info.Length) : -1;
    }

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        string path = PathOf(name);
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (position >= stream.Length)
        {
            return 0;
        }

        stream.Position = position;
        int total = 0;
        while (total < count)
        {
            int n = stream.Read(buffer, offset + total, count - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public void Append(string name, byte[] buffer, int offset, int count)
    {
        using (var stream = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(buffer, offset, count);
            stream.Flush(flushToDisk: true);
        }

        Count(count);
    }

    public void Replace(string name, byte[] buffer, int offset, int count)
    {
        string temp = PathOf(name) + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(buffer, offset, count);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, PathOf(name), overwrite: true);
        Count(count);
    }

    public void Delete(string name)
    {
        File.Delete(PathOf(name));
        Count(0);
    }

    public void Rename(string from, string to)
    {
        File.Move(PathOf(from), PathOf(to), overwrite: true);
        Count(0);
    }

    private void Count(int bytes)
    {
        WriteCount++;
        BytesWritten += bytes;
    }

    private string PathOf(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.StartsWith('.'))
        {
            throw new ArgumentException("file names are flat and may not start with '.': " + name, nameof(name));
        }

        return Path.Combine(_root, name);
    }
}
