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

        public void AddRange(int range) => throw new NotImplementedException();

        public override WebResponse GetResponse() => throw new NotImplementedException();
    }
}
