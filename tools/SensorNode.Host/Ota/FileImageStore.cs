using System;
using System.IO;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Ota;

/// <summary>A read-only <see cref="IFileStore"/> exposing one host file under one name, so the core's verifier streams it in place.</summary>
public sealed class FileImageStore : IFileStore
{
    private readonly string _path;

    public FileImageStore(string name, string path)
    {
        Name = name;
        _path = path;
    }

    /// <summary>The name the file is exposed under.</summary>
    public string Name { get; }

    public int Length(string name) => name == Name && File.Exists(_path) ? checked((int)new FileInfo(_path).Length) : -1;

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        if (name != Name || !File.Exists(_path))
        {
            return 0;
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (position >= stream.Length)
        {
            return 0;
        }

        stream.Position = position;
        int total = 0;
        int n;
        while (total < count && (n = stream.Read(buffer, offset + total, count - total)) > 0)
        {
            total += n;
        }

        return total;
    }

    public void Append(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException("read-only");

    public void Replace(string name, byte[] buffer, int offset, int count) => throw new NotSupportedException("read-only");

    public void Delete(string name) => throw new NotSupportedException("read-only");

    public void Rename(string from, string to) => throw new NotSupportedException("read-only");
}
