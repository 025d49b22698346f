using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SensorNode.Device.Network
{
    /// <summary>
    /// TLS settings of OTA image requests (NetHttpRange.Configure): TLS 1.2, and the provisioned CA as the
    /// root the image server's certificate must chain to. Without a provisioned CA the request keeps
    /// HttpsAuthentCert null and nanoFramework uses the root CA stored on the device (deployed with the
    /// firmware's network configuration). System.Net.Http ignores both settings for http:// URLs; the
    /// image's signature is what makes an update trustworthy either way (docs/spec/ota-image.md §4).
    /// </summary>
    public sealed class HttpsImageRequests
    {
        private readonly X509Certificate _ca;

        /// <summary>Uses <paramref name="caPem"/> (PEM bytes; null: the device's stored root CA).</summary>
        public HttpsImageRequests(byte[] caPem)
        {
            if (caPem == null)
            {
                return;
            }

            try
            {
                _ca = new X509Certificate(caPem);
            }
            catch (Exception ex)
            {
                // Keep updating over http and with the device's root CA rather than fail the boot.
                Console.WriteLine("ota: provisioned CA unusable for https downloads (" + ex.Message + ")");
            }
        }

        /// <summary>True when a provisioned CA is used.</summary>
        public bool HasCa
        {
            get { return _ca != null; }
        }

        /// <summary>Applies the settings to one request (a <see cref="RequestConfigurer"/>).</summary>
        public void Apply(HttpWebRequest request)
        {
            // nanoFramework requires SslProtocols for https (its default None fails the handshake).
            request.SslProtocols = SslProtocols.Tls12;
            if (_ca != null)
            {
                request.HttpsAuthentCert = _ca;
            }
        }
    }
}
