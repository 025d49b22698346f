// Declared surface (upstream System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs, namespace nanoFramework.Networking).
using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status
        {
            get { throw new NotImplementedException(); }
        }

        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            throw new NotImplementedException();
        }

        public static bool ConnectFixAddress(
            string ssid,
            string password,
            IPConfiguration ipConfiguration,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int WifiAdapter = 0,
            CancellationToken token = default)
        {
            throw new NotImplementedException();
        }

        public static void Disconnect()
        {
            throw new NotImplementedException();
        }
    }
}
