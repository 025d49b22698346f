using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace SensorNode.Tests.Ota;

/// <summary>
/// Builds the header, AssemblyRef table and string table of a nanoFramework .pe (CLR_RECORD_ASSEMBLY layout,
/// nf-interpreter nanoCLR_Types.h) for the versioning-rule tests; no code tables. The nanoCLR stage's loader
/// proof (tools/nanoclr/ota-loader-proof.sh) checks the same rule on .pe files made by MetadataProcessor.
/// </summary>
internal static class PeFixture
{
    public static byte[] Build(string name, Version version, params (string Name, Version Version)[] references)
    {
        var strings = new List<byte>();
        int Add(string s)
        {
            int at = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(s));
            strings.Add(0);
            return at;
        }

        int nameIndex = Add(name);
        var refs = new byte[12 * references.Length];
        for (int i = 0; i < references.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(refs.AsSpan(12 * i), (ushort)Add(references[i].Name));
            WriteVersion(refs, (12 * i) + 4, references[i].Version);
        }

        while (strings.Count % 4 != 0)
        {
            strings.Add(0);
        }

        const int header = 124;
        var file = new byte[header + refs.Length + strings.Count];
        Encoding.ASCII.GetBytes("NFMRK1").CopyTo(file, 0);
        WriteVersion(file, 28, version);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(36), (ushort)nameIndex);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(38), 1);
        for (int t = 0; t < 16; t++)
        {
            int start = t == 0 ? header : t <= 11 ? header + refs.Length : file.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40 + (4 * t)), (uint)start);
        }

        refs.CopyTo(file, header);
        strings.CopyTo(file, header + refs.Length);
        return file;
    }

    private static void WriteVersion(byte[] b, int at, Version v)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)v.Major);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 2), (ushort)v.Minor);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 4), (ushort)Math.Max(v.Build, 0));
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 6), (ushort)Math.Max(v.Revision, 0));
    }
}
