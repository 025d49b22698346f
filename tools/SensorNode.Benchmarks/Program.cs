using BenchmarkDotNet.Running;

namespace SensorNode.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest")
        {
            // Not a BenchmarkDotNet job: it drives real servers (docs/benchmarks/ingest.md).
            Ingest.IngestBench.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
