namespace System.Net
{
    /// <summary>Declared surface of nanoFramework's System.Net.WebRequest.</summary>
    public abstract class WebRequest : MarshalByRefObject, IDisposable
    {
        protected WebRequest()
        {
        }

        public virtual int Timeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public static WebRequest Create(string requestUriString) => throw new NotImplementedException();

        public virtual WebResponse GetResponse() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();

        protected virtual void Dispose(bool disposing) => throw new NotImplementedException();
    }
}
