using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace System.Net
{
    /// <summary>Declared surface of nanoFramework's System.Net.HttpWebRequest (created by WebRequest.Create).</summary>
    public class HttpWebRequest : WebRequest
    {
        internal HttpWebRequest()
        {
        }

        public override int Timeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public int ReadWriteTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public bool KeepAlive
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public X509Certificate HttpsAuthentCert
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public SslProtocols SslProtocols
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public void AddRange(int range) => throw new NotImplementedException();

        public override WebResponse GetResponse() => throw new NotImplementedException();
    }
}
