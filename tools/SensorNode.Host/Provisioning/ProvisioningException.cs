using System;

namespace SensorNode.Host.Provisioning;

/// <summary>The node did not answer, or refused a request; the message is for a person and names no secret.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(string message, Response? response = null)
        : base(message)
    {
        Response = response;
    }

    public Response? Response { get; }
}
