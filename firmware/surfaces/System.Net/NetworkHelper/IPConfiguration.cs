// Declared surface (upstream nanoFramework.System.Net/NetworkHelper/IPConfiguration.cs).
namespace nanoFramework.Networking
{
    public class IPConfiguration
    {
        public IPConfiguration(
            string ipv4Address,
            string ipv4SubnetMask,
            string ipv4GatewayAddress,
            string[] ipv4DnsAddresses = null)
        {
            throw new System.NotImplementedException();
        }
    }
}
