namespace System.IO
{
    /// <summary>Declared surface of nanoFramework's System.IO.Stream (1.1.96): the members SensorNode calls or overrides.</summary>
    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public abstract bool CanWrite { get; }

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public virtual void Close() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();

        protected virtual void Dispose(bool disposing) => throw new NotImplementedException();

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract int Read(SpanByte buffer);

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);
    }
}
