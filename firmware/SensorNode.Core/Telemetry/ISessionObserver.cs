using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>What the session and runner report, for a live log (host) or debug output (device).</summary>
    public interface ISessionObserver
    {
        /// <summary>A connect attempt finished.</summary>
        void Connected(MqttLinkStatus status, int attempt);

        /// <summary>A sample was taken (sequence and timestamp set).</summary>
        void Sampled(SampleRecord record);

        /// <summary>A publish finished.</summary>
        void Published(string topic, int bytes, MqttLinkStatus status);

        /// <summary>A command was handled (or rejected).</summary>
        void CommandHandled(Command command, CommandStatus status);

        /// <summary>The buffer was full and the oldest reading was dropped.</summary>
        void Dropped(uint sequence);
    }
}
