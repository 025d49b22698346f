namespace SensorNode.Core.Config
{
    /// <summary>How a node spends its time between samples. Persisted: never renumber.</summary>
    public enum NodeMode
    {
        /// <summary>Mains powered: stays connected and publishes every interval.</summary>
        AlwaysOn = 0,

        /// <summary>Battery powered: deep-sleeps between samples and batches readings.</summary>
        DeepSleep = 1,
    }
}
