using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Docs;

/// <summary>Every relative link in the repository's Markdown, and every file a board profile names, exists.</summary>
[TestClass]
public sealed partial class DocLinksTests
{
    [GeneratedRegex(@"\]\(([^)#\s]+)(?:#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?:docs|tools|firmware|hardware|nfproj-tests)/[A-Za-z0-9_./-]+\.[a-z]+")]
    private static partial Regex RepoPath();

    [TestMethod]
    public void MarkdownLinks_PointAtExistingFiles()
    {
        var missing = new List<string>();
        foreach (string md in Files("*.md"))
        {
            foreach (Match m in MarkdownLink().Matches(File.ReadAllText(md)))
            {
                string target = m.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal) || target.StartsWith("../shared", StringComparison.Ordinal))
                {
                    continue;
                }

                string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(md)!, target));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    missing.Add($"{Path.GetRelativePath(Repo.Root, md)} -> {target}");
                }
            }
        }

        Assert.AreEqual(0, missing.Count, string.Join("\n", missing));
    }

    [TestMethod]
    public void BoardProfiles_NameOnlyExistingFiles()
    {
        var missing = new List<string>();
        foreach (string profile in Files("*.profile"))
        {
            foreach (Match m in RepoPath().Matches(File.ReadAllText(profile)))
            {
                if (!File.Exists(Repo.Path(m.Value.Split('/'))))
                {
                    missing.Add($"{Path.GetRelativePath(Repo.Root, profile)} -> {m.Value}");
                }
            }
        }

        Assert.AreEqual(0, missing.Count, string.Join("\n", missing));
    }

    private static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Repo.Root, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}TestResults{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
