namespace System.Net.Security
{
    // Declared surface (upstream System.Net/Security/NetworkSecurity.cs, enum SslProtocols).
    [Flags]
    public enum SslProtocols
    {
        None = 0x00,
        Tls = 0x10,
        Tls11 = 0x20,
        Tls12 = 0x40,
    }
}
