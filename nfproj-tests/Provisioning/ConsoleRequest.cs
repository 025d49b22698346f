using SensorNode.Core.Provisioning;

namespace NFUnitTest.Provisioning
{
    /// <summary>One request handed straight to a <see cref="ProvisioningConsole"/>, as the discard-staged and remove-file tests send them.</summary>
    internal static class ConsoleRequest
    {
        /// <summary>The identity of the spec's transcripts (docs/spec/provisioning.md §8).</summary>
        public static readonly DeviceIdentity Identity = new DeviceIdentity("node-0000", "esp32-devkitc", "0.1.0");

        /// <summary>Sends <paramref name="command"/> with <paramref name="body"/>; returns the response's length.</summary>
        public static int Send(ProvisioningConsole console, ProvisioningCommand command, byte[] body, byte[] response)
        {
            byte[] q = new byte[4 + body.Length];
            q[0] = 1;
            q[1] = (byte)command;
            q[2] = 7;
            System.Array.Copy(body, 0, q, 4, body.Length);
            return console.Handle(q, q.Length, response);
        }
    }
}
