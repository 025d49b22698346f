using System;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Device.Diagnostics
{
    /// <summary>Prints what the session does on the debug console (Console, which Release builds keep; Debug.WriteLine does not).</summary>
    public sealed class ConsoleSessionObserver : ISessionObserver
    {
        /// <inheritdoc />
        public void Connected(MqttLinkStatus status, int attempt)
        {
            Console.WriteLine("mqtt connect: status " + ((int)status).ToString() + ", failures in a row " + attempt.ToString());
        }

        /// <inheritdoc />
        public void Sampled(SampleRecord record)
        {
            Console.WriteLine("sample #" + record.Sequence.ToString() + " anomalies " + record.AnomalyMask.ToString());
        }

        /// <inheritdoc />
        public void Published(string topic, int bytes, MqttLinkStatus status)
        {
            if (status != MqttLinkStatus.Ok)
            {
                Console.WriteLine("publish " + topic + " failed: status " + ((int)status).ToString());
            }
        }

        /// <inheritdoc />
        public void CommandHandled(Command command, CommandStatus status)
        {
            Console.WriteLine("command " + ((int)command.Kind).ToString() + ": status " + ((int)status).ToString());
        }

        /// <inheritdoc />
        public void Dropped(uint sequence)
        {
            Console.WriteLine("buffer full: dropped #" + sequence.ToString());
        }
    }
}
