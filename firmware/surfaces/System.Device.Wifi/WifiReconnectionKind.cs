// Declared surface (upstream System.Device.Wifi/WifiReconnectionKind.cs).
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}
