using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace SensorNode.Host.Ota;

/// <summary>
/// Name, version and assembly references of a nanoFramework .pe file, read from its CLR_RECORD_ASSEMBLY header
/// (nf-interpreter src/CLR/Include/nanoCLR_Types.h: marker "NFMRK1", version at 28, name index at 36, table
/// offsets at 40, table padding at 108; AssemblyRef records of 12 bytes: name u16, pad u16, version 4 x u16).
/// Names in the runtime's built-in string table (index 0xFFFF downwards, e.g. "mscorlib") read as null.
/// </summary>
public sealed record PeAssembly(string Name, Version Version, IReadOnlyList<PeAssemblyRef> References)
{
    private const int HeaderBytes = 124;
    private const int VersionOffset = 28;
    private const int NameOffset = 36;
    private const int TablesOffset = 40;
    private const int PaddingOffset = 108;
    private const int TableAssemblyRef = 0;
    private const int TableStrings = 11;
    private const int TableEndOfAssembly = 15;
    private const int AssemblyRefBytes = 12;

    // Strings at or above this index come from the runtime's built-in table of 860 strings (StringTable.cpp,
    // StringTableData.cpp at nf-interpreter a3e8139), not from the file.
    private const int FirstBuiltInStringIndex = 0xFFFF - 860;

    /// <summary>"major.minor" of a version, the part nanoCLR binds by.</summary>
    public static string MajorMinor(Version v) => $"{v.Major}.{v.Minor}";

    /// <summary>True when <paramref name="file"/> starts with the .pe marker.</summary>
    public static bool HasMarker(byte[] file) =>
        file.Length >= HeaderBytes && Encoding.ASCII.GetString(file, 0, 6) == "NFMRK1" && file[6] == 0;

    /// <summary>Reads the header; null when the bytes are not a well-formed nanoFramework .pe.</summary>
    public static PeAssembly? TryRead(byte[] file)
    {
        if (!HasMarker(file))
        {
            return null;
        }

        var tables = new int[16];
        for (int t = 0; t < tables.Length; t++)
        {
            tables[t] = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(TablesOffset + (4 * t))), int.MaxValue);
        }

        int end = tables[TableEndOfAssembly];
        if (end > file.Length || tables[TableAssemblyRef] < HeaderBytes)
        {
            return null;
        }

        for (int t = 0; t < TableEndOfAssembly; t++)
        {
            if (tables[t] > tables[t + 1])
            {
                return null;
            }
        }

        int stringsStart = tables[TableStrings];
        int stringsEnd = tables[TableStrings + 1] - file[PaddingOffset + TableStrings];
        string? ReadString(int index)
        {
            if (index >= FirstBuiltInStringIndex)
            {
                return null;
            }

            int at = stringsStart + index;
            int zero = at < stringsEnd ? Array.IndexOf(file, (byte)0, at, stringsEnd - at) : -1;
            return zero < 0 ? null : Encoding.UTF8.GetString(file, at, zero - at);
        }

        string? name = ReadString(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(NameOffset)));
        if (name == null)
        {
            return null;
        }

        int refsSize = tables[TableAssemblyRef + 1] - tables[TableAssemblyRef] - file[PaddingOffset + TableAssemblyRef];
        var refs = new List<PeAssemblyRef>();
        for (int at = tables[TableAssemblyRef]; refsSize > 0 && at + AssemblyRefBytes <= tables[TableAssemblyRef] + refsSize; at += AssemblyRefBytes)
        {
            int nameIndex = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at));
            refs.Add(new PeAssemblyRef(ReadString(nameIndex) ?? $"(runtime string {0xFFFF - nameIndex})", ReadVersion(file, at + 4)));
        }

        return new PeAssembly(name, ReadVersion(file, VersionOffset), refs);
    }

    private static Version ReadVersion(byte[] b, int at) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)),
        BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 2)),
        BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 4)),
        BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 6)));
}
