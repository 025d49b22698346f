namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The node's topics (docs/spec/mqtt.md §2), built once from the prefix and node id. Topic strings
    /// are allocated here, at construction, and reused for every publish.
    /// </summary>
    public sealed class MqttTopics
    {
        /// <summary>Default topic prefix.</summary>
        public const string DefaultPrefix = "sensornode";

        /// <summary>Home Assistant's discovery prefix.</summary>
        public const string DiscoveryPrefix = "homeassistant";

        /// <summary>Longest node id, in characters.</summary>
        public const int MaxNodeIdLength = 32;

        /// <summary>Longest prefix, in characters.</summary>
        public const int MaxPrefixLength = 64;

        /// <summary>Builds the topics; call <see cref="Validate"/> first (invalid input throws here).</summary>
        public MqttTopics(string prefix, string nodeId)
        {
            TopicStatus status = Validate(prefix, nodeId);
            if (status != TopicStatus.Ok)
            {
                throw new System.ArgumentException("invalid topic prefix or node id");
            }

            NodeId = nodeId;
            Base = prefix + "/" + nodeId;
            Status = Base + "/status";
            State = Base + "/state";
            Telemetry = Base + "/telemetry";
            Health = Base + "/health";
            Sleep = Base + "/sleep";
            Command = Base + "/cmd";
            CommandResult = Base + "/cmd/result";
            Ota = Base + "/ota";
        }

        /// <summary>The node id.</summary>
        public readonly string NodeId;

        /// <summary>&lt;prefix&gt;/&lt;node-id&gt;.</summary>
        public readonly string Base;

        /// <summary>Retained online / offline / sleeping.</summary>
        public readonly string Status;

        /// <summary>Retained latest values, JSON.</summary>
        public readonly string State;

        /// <summary>Binary reading batches, QoS 1.</summary>
        public readonly string Telemetry;

        /// <summary>Health report, JSON.</summary>
        public readonly string Health;

        /// <summary>Retained sleep announcement (next expected wake), JSON.</summary>
        public readonly string Sleep;

        /// <summary>Commands to the node.</summary>
        public readonly string Command;

        /// <summary>Command results from the node.</summary>
        public readonly string CommandResult;

        /// <summary>Retained progress and result of the latest update order, JSON.</summary>
        public readonly string Ota;

        /// <summary>homeassistant/&lt;component&gt;/&lt;node-id&gt;/&lt;objectId&gt;/config.</summary>
        public string DiscoveryConfig(string component, string objectId)
        {
            return DiscoveryPrefix + "/" + component + "/" + NodeId + "/" + objectId + "/config";
        }

        /// <summary>Checks a prefix and node id against docs/spec/mqtt.md §2.</summary>
        public static TopicStatus Validate(string prefix, string nodeId)
        {
            if (nodeId == null || nodeId.Length == 0 || nodeId.Length > MaxNodeIdLength)
            {
                return TopicStatus.NodeIdLength;
            }

            for (int i = 0; i < nodeId.Length; i++)
            {
                char c = nodeId[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
                {
                    return TopicStatus.NodeIdCharacter;
                }
            }

            if (prefix == null || prefix.Length == 0 || prefix.Length > MaxPrefixLength)
            {
                return TopicStatus.PrefixLength;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                char c = prefix[i];
                bool slash = c == '/';
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!plain && !slash)
                {
                    return TopicStatus.PrefixCharacter;
                }

                if (slash && (i == 0 || i == prefix.Length - 1 || prefix[i - 1] == '/'))
                {
                    return TopicStatus.PrefixCharacter;
                }
            }

            return TopicStatus.Ok;
        }
    }
}
