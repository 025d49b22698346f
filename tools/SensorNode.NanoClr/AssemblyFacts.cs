using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SensorNode.NanoClr;

/// <summary>What the stage needs to know about a compiled assembly, read from its metadata (never loaded or run).</summary>
internal sealed class AssemblyFacts
{
    private AssemblyFacts(string name, IReadOnlyList<string> references, IReadOnlyList<string> testCases)
    {
        Name = name;
        References = references;
        TestCases = testCases;
    }

    public string Name { get; }

    /// <summary>Names of the assemblies it references.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>
    /// The cases nanoFramework's UnitTestLauncher reports for it, named as the launcher names them:
    /// <c>Namespace.Class.Method.N</c>, one per [DataRow] (N from 0), or one with N = 0 for a [TestMethod] without rows.
    /// </summary>
    public IReadOnlyList<string> TestCases { get; }

    public static AssemblyFacts Read(string dllPath)
    {
        using FileStream stream = File.OpenRead(dllPath);
        using PEReader pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        string name = md.GetString(md.GetAssemblyDefinition().Name);
        List<string> refs = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        List<string> cases = new();
        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            if (!HasAttribute(md, type.GetCustomAttributes(), "TestClassAttribute"))
            {
                continue;
            }

            string typeName = FullName(md, type);
            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                int rows = CountAttributes(md, method.GetCustomAttributes(), "DataRowAttribute");
                bool isTest = HasAttribute(md, method.GetCustomAttributes(), "TestMethodAttribute");
                int count = rows > 0 ? rows : (isTest ? 1 : 0);
                for (int i = 0; i < count; i++)
                {
                    cases.Add(typeName + "." + md.GetString(method.Name) + "." + i);
                }
            }
        }

        return new AssemblyFacts(name, refs, cases);
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        string name = md.GetString(type.Name);
        if (type.IsNested)
        {
            return FullName(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        }

        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static bool HasAttribute(MetadataReader md, CustomAttributeHandleCollection attributes, string typeName) =>
        CountAttributes(md, attributes, typeName) > 0;

    private static int CountAttributes(MetadataReader md, CustomAttributeHandleCollection attributes, string typeName)
    {
        int count = 0;
        foreach (CustomAttributeHandle h in attributes)
        {
            if (AttributeTypeName(md, md.GetCustomAttribute(h)) == typeName)
            {
                count++;
            }
        }

        return count;
    }

    private static string? AttributeTypeName(MetadataReader md, CustomAttribute attribute)
    {
        EntityHandle parent;
        if (attribute.Constructor.Kind == HandleKind.MemberReference)
        {
            parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        }
        else if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
        {
            parent = md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
        }
        else
        {
            return null;
        }

        return parent.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
            _ => null,
        };
    }
}
