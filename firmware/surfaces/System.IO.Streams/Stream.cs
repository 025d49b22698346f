namespace System.IO
{
    // Upstream: System.IO.Streams/Stream.cs. Only the members SensorNode uses are declared.
    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public void Dispose()
        {
            throw new NotImplementedException();
        }

        protected virtual void Dispose(bool disposing)
        {
            throw new NotImplementedException();
        }
    }
}
