namespace SensorNode.SpeedBench
{
    /// <summary>Entry point on both runtimes (nanoCLR starts the one static Main it finds).</summary>
    public static class Program
    {
        /// <summary>Runs every case and prints the result lines.</summary>
        public static void Main()
        {
            SpeedBench.RunAll();
        }
    }
}
