namespace SensorNode.NanoClr;

/// <summary>Counts of the stage's tests and the names and reasons of the failed ones.</summary>
internal sealed class Tally
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public List<string> Failures { get; } = new();

    public void Pass() => Passed++;

    public void Skip() => Skipped++;

    public void Fail(string name, string reason)
    {
        Failed++;
        Failures.Add(name + ": " + reason);
    }

    public void Record(string name, string? failure)
    {
        if (failure == null)
        {
            Pass();
        }
        else
        {
            Fail(name, failure);
        }
    }

    /// <summary>The line test.sh reads: "passed failed skipped".</summary>
    public string CountsLine() => Passed + " " + Failed + " " + Skipped;
}
