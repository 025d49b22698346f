using System.IO;

namespace System.Net
{
    /// <summary>Declared surface of nanoFramework's System.Net.WebResponse.</summary>
    public abstract class WebResponse : MarshalByRefObject, IDisposable
    {
        protected WebResponse()
        {
        }

        public virtual long ContentLength
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public virtual Stream GetResponseStream() => throw new NotImplementedException();

        public virtual void Close() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();

        protected virtual void Dispose(bool disposing) => throw new NotImplementedException();
    }
}
