using SensorNode.Core.Ports;

namespace NFUnitTest.Provisioning
{
    /// <summary>A serial link that receives nothing and keeps what the node writes in a fixed buffer.</summary>
    public sealed class CaptureSerialLink : ISerialLink
    {
        /// <summary>Bytes written, the first <see cref="Count"/> of them valid.</summary>
        public readonly byte[] Output = new byte[2048];

        /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
        public int Count;

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            return 0;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            System.Array.Copy(buffer, offset, Output, Count, count);
            Count += count;
        }

        public void Clear()
        {
            Count = 0;
        }
    }
}
