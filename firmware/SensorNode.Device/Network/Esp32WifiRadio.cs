using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Network
{
    /// <summary>
    /// Wi-Fi through WifiNetworkHelper (System.Device.Wifi 1.5.149): DHCP, or a static address when the config
    /// has one (much faster after deep sleep, PLATFORM.md §4). Every attempt is bounded by a
    /// CancellationTokenSource that expires at the caller's deadline. When the wall clock is not set yet, it
    /// asks the helper to wait for SNTP (requiresDateTime), which TLS certificate checks need; a network that
    /// comes up without time still counts as connected (TLS then reports its own failure).
    /// </summary>
    public sealed class Esp32WifiRadio
    {
        private readonly NodeConfig _config;
        private readonly IClock _clock;
        private readonly WifiReconnectionKind _reconnection;

        /// <summary>
        /// Creates the radio. Deep-sleep nodes pass <paramref name="reconnectAutomatically"/> false, so the stored
        /// network does not auto-associate at every boot, including the wakes that never use the radio.
        /// </summary>
        public Esp32WifiRadio(NodeConfig config, IClock clock, bool reconnectAutomatically)
        {
            _config = config;
            _clock = clock;
            _reconnection = reconnectAutomatically ? WifiReconnectionKind.Automatic : WifiReconnectionKind.Manual;
        }

        /// <summary>True after a successful <see cref="Connect"/> until <see cref="Disconnect"/>.</summary>
        public bool IsConnected { get; private set; }

        /// <summary>The helper's status after the last attempt (for the debug log).</summary>
        public NetworkHelperStatus LastStatus { get; private set; }

        /// <summary>Associates and gets an address by the deadline (monotonic milliseconds): Ok or WifiFailed/Timeout, never throws.</summary>
        public UplinkStatus Connect(long deadlineMilliseconds)
        {
            long budget = deadlineMilliseconds - _clock.MonotonicMilliseconds;
            if (budget <= 0)
            {
                return UplinkStatus.Timeout;
            }

            long unixMilliseconds;
            bool needTime = !_clock.TryGetUnixMilliseconds(out unixMilliseconds);
            bool ok;
            try
            {
                using (CancellationTokenSource deadline = new CancellationTokenSource(budget > int.MaxValue ? int.MaxValue : (int)budget))
                {
                    ok = _config.StaticIp.Length > 0
                        ? WifiNetworkHelper.ConnectFixAddress(_config.WifiSsid, _config.WifiPassword, StaticAddress(), _reconnection, needTime, 0, deadline.Token)
                        : WifiNetworkHelper.ConnectDhcp(_config.WifiSsid, _config.WifiPassword, _reconnection, needTime, 0, deadline.Token);
                }

                LastStatus = WifiNetworkHelper.Status;
            }
            catch (Exception)
            {
                LastStatus = NetworkHelperStatus.ExceptionOccurred;
                ok = false;
            }

            // An address without SNTP time is still a network: the wake can publish without TLS, or report TLS failing.
            IsConnected = ok || LastStatus == NetworkHelperStatus.TokenExpiredWaitingDateTime;
            if (IsConnected)
            {
                return UplinkStatus.Ok;
            }

            return LastStatus == NetworkHelperStatus.TokenExpiredWaitingIPAddress ? UplinkStatus.Timeout : UplinkStatus.WifiFailed;
        }

        /// <summary>Leaves the network (the radio goes off before deep sleep anyway); never throws.</summary>
        public void Disconnect()
        {
            IsConnected = false;
            try
            {
                WifiNetworkHelper.Disconnect();
            }
            catch (Exception)
            {
                // Already down.
            }
        }

        private IPConfiguration StaticAddress()
        {
            string[] dns = _config.StaticDns.Length > 0 ? new string[] { _config.StaticDns } : null;
            return new IPConfiguration(_config.StaticIp, _config.StaticMask, _config.StaticGateway, dns);
        }
    }
}
