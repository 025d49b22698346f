using System.IO;

namespace System.Net
{
    /// <summary>Declared surface of nanoFramework's System.Net.HttpWebResponse.</summary>
    public class HttpWebResponse : WebResponse
    {
        internal HttpWebResponse()
        {
        }

        public override long ContentLength => throw new NotImplementedException();

        public HttpStatusCode StatusCode => throw new NotImplementedException();

        public override Stream GetResponseStream() => throw new NotImplementedException();

        public override void Close() => throw new NotImplementedException();
    }
}
