namespace System.Security.Cryptography.X509Certificates
{
    // Declared surface (upstream System.Net/X509Certificates/X509Certificate2.cs).
    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2(byte[] rawData, string key, string password)
        {
            throw new NotImplementedException();
        }
    }
}
