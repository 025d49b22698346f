using System.Net;

namespace SensorNode.Device.Network
{
    /// <summary>Adjusts an image request before it is sent, e.g. request.HttpsAuthentCert and request.SslProtocols for https.</summary>
    public delegate void RequestConfigurer(HttpWebRequest request);
}
