namespace System.Net.Security
{
    // Declared surface (upstream System.Net/Security/NetworkSecurity.cs, enum SslProtocols, at 713b02c9).
    [Flags]
    public enum SslProtocols
    {
        None = 0x00,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls = 192,
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls11 = 768,
        Tls12 = 3072,
        Tls13 = 12288,
    }
}
