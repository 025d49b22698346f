using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>The boot table in code equals the table in docs/spec/ota-slots.md §3, row for row.</summary>
[TestClass]
public sealed class BootTableSpecTests
{
    [TestMethod]
    public void SpecTable_EqualsBootTable_RowForRow()
    {
        string[] rows = File.ReadAllLines(Repo.Path("docs", "spec", "ota-slots.md"))
            .SkipWhile(l => !l.StartsWith("| # | StateValid", System.StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .ToArray();
        Assert.AreEqual(BootTable.RowCount, rows.Length, "row count");
        for (int r = 0; r < rows.Length; r++)
        {
            string[] cells = rows[r].Split('|').Select(c => c.Trim()).Where((_, i) => i > 0).ToArray();
            Assert.AreEqual((r + 1).ToString(), cells[0]);
            for (int f = 0; f < 7; f++)
            {
                int expected = cells[1 + f] switch { "Y" => 1, "N" => 0, _ => -1 };
                Assert.AreEqual(expected, BootTable.Condition(r, (BootFact)f), $"row {r + 1}, {(BootFact)f}");
            }

            Assert.AreEqual(cells[8], BootTable.ActionOf(r).ToString(), $"row {r + 1} action");
        }
    }
}
