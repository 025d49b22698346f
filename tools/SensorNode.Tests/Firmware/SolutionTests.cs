using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Firmware;

/// <summary>
/// Every project that a solution project references is itself in SensorNode.sln. A project reached only through a
/// ProjectReference is built by `dotnet build SensorNode.sln -c Release` in its default (Debug) configuration, so a
/// test that reads its Release output passes on a machine with an old build and fails on a clean clone.
/// </summary>
[TestClass]
public sealed class SolutionTests
{
    [TestMethod]
    public void EveryReferencedProject_IsInTheSolution()
    {
        string sln = File.ReadAllText(Repo.Path("SensorNode.sln"));
        var inSolution = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(sln, "^Project\\(\"[^\"]+\"\\) = \"[^\"]+\", \"([^\"]+\\.csproj)\"", RegexOptions.Multiline))
        {
            inSolution.Add(Path.GetFullPath(Repo.Path(m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))));
        }

        Assert.IsTrue(inSolution.Count > 10, "SensorNode.sln lists " + inSolution.Count + " projects: the pattern no longer reads it");
        var missing = new List<string>();
        foreach (string project in inSolution)
        {
            foreach (XElement reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)));
                if (!inSolution.Contains(target))
                {
                    missing.Add(Path.GetRelativePath(Repo.Root, project) + " -> " + Path.GetRelativePath(Repo.Root, target));
                }
            }
        }

        Assert.AreEqual(0, missing.Count, "referenced but not in SensorNode.sln (add with dotnet sln add):\n" + string.Join("\n", missing.Distinct()));
    }
}
