using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// nanoFramework 1.x compiles generics but cannot run them. These tests open the nanoFramework builds
/// with System.Reflection.Metadata and fail on any generic parameter, generic method instantiation
/// (MethodSpec) or generic type instantiation (a TypeSpec whose signature is GENERICINST, VAR or MVAR).
/// TypeSpecs of plain arrays (e.g. int[][] element types) are allowed: the runtime handles those.
/// </summary>
[TestClass]
public sealed class NoGenericsTests
{
    public static IEnumerable<object[]> NanoAssemblies()
    {
        yield return new object[] { "firmware/SensorNode.Core.NanoCheck", "SensorNode.Core" };
        yield return new object[] { "firmware/SensorNode.Device.Check", "SensorNode.Device" };
        yield return new object[] { "firmware/SensorNode.Loader.Check", "SensorNode.Loader" };
    }

    [TestMethod]
    [DynamicData(nameof(NanoAssemblies))]
    public void NanoBuild_HasNoGenerics(string projectDirectory, string assemblyName)
    {
        string path = Repo.NanoBuildOutput(projectDirectory, assemblyName);
        Assert.IsTrue(File.Exists(path), "build output missing: " + path);
        List<string> problems = GenericUsage.Find(path);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void Detector_FindsGenericsInAnAssemblyThatHasThem()
    {
        // This test assembly uses List<T> and generic methods, so the detector must report it.
        List<string> problems = GenericUsage.Find(typeof(NoGenericsTests).Assembly.Location);
        Assert.IsTrue(problems.Count > 0);
    }
}

/// <summary>Reads an assembly's metadata tables for generic definitions and instantiations.</summary>
internal static class GenericUsage
{
    public static List<string> Find(string path)
    {
        var problems = new List<string>();
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        int genericParams = md.GetTableRowCount(TableIndex.GenericParam);
        if (genericParams > 0)
        {
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(h);
                if (t.GetGenericParameters().Count > 0)
                {
                    problems.Add("generic type declared: " + md.GetString(t.Namespace) + "." + md.GetString(t.Name));
                }

                foreach (MethodDefinitionHandle mh in t.GetMethods())
                {
                    MethodDefinition m = md.GetMethodDefinition(mh);
                    if (m.GetGenericParameters().Count > 0)
                    {
                        problems.Add("generic method declared: " + md.GetString(t.Name) + "." + md.GetString(m.Name));
                    }
                }
            }
        }

        int methodSpecs = md.GetTableRowCount(TableIndex.MethodSpec);
        if (methodSpecs > 0)
        {
            problems.Add(methodSpecs + " generic method instantiation(s) (MethodSpec rows)");
        }

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            TypeSpecificationHandle h = MetadataTokens.TypeSpecificationHandle(row);
            BlobReader blob = md.GetBlobReader(md.GetTypeSpecification(h).Signature);
            SignatureTypeCode code = blob.ReadSignatureTypeCode();
            if (code is SignatureTypeCode.GenericTypeInstance or SignatureTypeCode.GenericTypeParameter or SignatureTypeCode.GenericMethodParameter)
            {
                problems.Add("generic TypeSpec row " + row + " (" + code + ")");
            }
            else if (code == SignatureTypeCode.SZArray && ContainsGeneric(blob))
            {
                problems.Add("array of generic type, TypeSpec row " + row);
            }
        }

        return problems;
    }

    private static bool ContainsGeneric(BlobReader blob)
    {
        while (blob.RemainingBytes > 0)
        {
            SignatureTypeCode code = blob.ReadSignatureTypeCode();
            if (code is SignatureTypeCode.GenericTypeInstance or SignatureTypeCode.GenericTypeParameter or SignatureTypeCode.GenericMethodParameter)
            {
                return true;
            }

            if (code != SignatureTypeCode.SZArray)
            {
                return false;
            }
        }

        return false;
    }
}
