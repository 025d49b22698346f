namespace SensorNode.Core.Telemetry
{
    /// <summary>Why a prefix or node id cannot form topics (docs/spec/mqtt.md §2). Never renumber.</summary>
    public enum TopicStatus
    {
        /// <summary>Valid.</summary>
        Ok = 0,

        /// <summary>The node id is empty or longer than 32 characters.</summary>
        NodeIdLength = 1,

        /// <summary>The node id has a character outside [a-z0-9_-].</summary>
        NodeIdCharacter = 2,

        /// <summary>The prefix is empty or longer than 64 characters.</summary>
        PrefixLength = 3,

        /// <summary>The prefix has a character outside [A-Za-z0-9_-/], or starts or ends with '/', or has "//".</summary>
        PrefixCharacter = 4,
    }
}
