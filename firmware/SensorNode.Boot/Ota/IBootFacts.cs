namespace SensorNode.Core.Ota
{
    /// <summary>Answers the boot table's questions (each at most once per boot, when a row needs it).</summary>
    public interface IBootFacts
    {
        /// <summary>True when <paramref name="fact"/> holds.</summary>
        bool Holds(BootFact fact);
    }
}
