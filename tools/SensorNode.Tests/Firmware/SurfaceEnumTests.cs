using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// Every value of every enum declared in firmware/surfaces/ (read from the built surface assemblies) equals the
/// upstream value recorded in firmware/surfaces/upstream-enums.json (read from the nanoFramework source at the pinned
/// version). A surface enum with no upstream record, or a member upstream does not have, fails too.
/// </summary>
[TestClass]
public sealed class SurfaceEnumTests
{
    private static Dictionary<string, Dictionary<string, long>> Upstream()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Repo.Path("firmware", "surfaces", "upstream-enums.json")));
        var table = new Dictionary<string, Dictionary<string, long>>();
        foreach (JsonElement e in doc.RootElement.GetProperty("enums").EnumerateArray())
        {
            string key = e.GetProperty("assembly").GetString() + ":" + e.GetProperty("enum").GetString();
            table[key] = e.GetProperty("members").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        }

        return table;
    }

    private static IEnumerable<(string Assembly, string Enum, Dictionary<string, long> Members)> SurfaceEnums()
    {
        foreach (string dir in Directory.GetDirectories(Repo.Path("firmware", "surfaces")))
        {
            string name = Path.GetFileName(dir);
            bool declaresEnums = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Any(f => File.ReadAllText(f).Contains(" enum ", StringComparison.Ordinal));
            if (!declaresEnums)
            {
                continue; // e.g. nanoFramework.TestFramework, built by nfproj-tests/check, not by this project's references
            }

            string dll = Repo.NanoBuildOutput(Path.Combine("firmware", "surfaces", name), name);
            Assert.IsTrue(File.Exists(dll), "surface not built: " + dll);
            using var pe = new PEReader(File.OpenRead(dll));
            MetadataReader md = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(h);
                if (type.BaseType.Kind != HandleKind.TypeReference || md.GetString(md.GetTypeReference((TypeReferenceHandle)type.BaseType).Name) != "Enum")
                {
                    continue;
                }

                var members = new Dictionary<string, long>();
                foreach (FieldDefinitionHandle fh in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(fh);
                    if ((field.Attributes & FieldAttributes.Literal) == 0)
                    {
                        continue;
                    }

                    BlobReader blob = md.GetBlobReader(md.GetConstant(field.GetDefaultValue()).Value);
                    long value = md.GetConstant(field.GetDefaultValue()).TypeCode switch
                    {
                        ConstantTypeCode.Byte => blob.ReadByte(),
                        ConstantTypeCode.SByte => blob.ReadSByte(),
                        ConstantTypeCode.Int16 => blob.ReadInt16(),
                        ConstantTypeCode.UInt16 => blob.ReadUInt16(),
                        ConstantTypeCode.Int32 => blob.ReadInt32(),
                        ConstantTypeCode.UInt32 => blob.ReadUInt32(),
                        ConstantTypeCode.Int64 => blob.ReadInt64(),
                        var other => throw new InvalidOperationException("enum constant of type " + other),
                    };
                    members[md.GetString(field.Name)] = value;
                }

                yield return (name, md.GetString(type.Name), members);
            }
        }
    }

    [TestMethod]
    public void EverySurfaceEnumValue_EqualsUpstreams()
    {
        var upstream = Upstream();
        var wrong = new List<string>();
        int checkedValues = 0;
        foreach (var (assembly, name, members) in SurfaceEnums())
        {
            if (!upstream.TryGetValue(assembly + ":" + name, out var expected))
            {
                wrong.Add($"{assembly} {name}: no upstream record in firmware/surfaces/upstream-enums.json");
                continue;
            }

            foreach (var (member, value) in members)
            {
                checkedValues++;
                if (!expected.TryGetValue(member, out long want))
                {
                    wrong.Add($"{assembly} {name}.{member}: not an upstream member");
                }
                else if (want != value)
                {
                    wrong.Add($"{assembly} {name}.{member} = {value}, upstream {want}");
                }
            }
        }

        Assert.AreEqual(0, wrong.Count, string.Join("\n", wrong));
        Assert.IsTrue(checkedValues > 100, "the surfaces declare well over 100 enum values; found " + checkedValues);
    }

    [TestMethod]
    public void TheTwoFixedEnums_HaveUpstreamsValues()
    {
        var all = SurfaceEnums().ToDictionary(e => e.Assembly + ":" + e.Enum, e => e.Members);
        Assert.AreEqual(3072, all["System.Net:SslProtocols"]["Tls12"]);
        Assert.AreEqual(7, all["System.Net:NetworkHelperStatus"]["ExceptionOccurred"]);
        Assert.AreEqual(8, all["System.Net:NetworkHelperStatus"]["Reconnecting"]);
    }
}
