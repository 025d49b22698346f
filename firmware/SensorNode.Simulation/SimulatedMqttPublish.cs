using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>One message that reached the <see cref="SimulatedMqttLink"/>'s broker.</summary>
    public sealed class SimulatedMqttPublish
    {
        /// <summary>Topic.</summary>
        public string Topic;

        /// <summary>A copy of the payload.</summary>
        public byte[] Payload;

        /// <summary>QoS used.</summary>
        public MqttQos Qos;

        /// <summary>Retain flag.</summary>
        public bool Retain;

        /// <summary>Payload as text (ASCII/UTF-8 subset: one char per byte).</summary>
        public string Text
        {
            get
            {
                char[] chars = new char[Payload.Length];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)Payload[i];
                }

                return new string(chars);
            }
        }
    }
}
