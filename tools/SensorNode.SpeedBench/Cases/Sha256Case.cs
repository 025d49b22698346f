using SensorNode.Core.Ota;

namespace SensorNode.SpeedBench.Cases
{
    /// <summary>The core's SHA-256 over 1 KB chunks (the verifier's chunk size); one operation = one chunk.</summary>
    internal sealed class Sha256Case : BenchCase
    {
        private const int ChunkBytes = 1024;
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private readonly byte[] _digest = new byte[Sha256.HashLength];
        private readonly Sha256 _sha = new Sha256();

        public Sha256Case()
        {
            for (int i = 0; i < ChunkBytes; i++)
            {
                _chunk[i] = (byte)(i * 7);
            }
        }

        public override string Id
        {
            get { return "sha256"; }
        }

        public override int BytesPerOp
        {
            get { return ChunkBytes; }
        }

        public override long Run(int ops)
        {
            long ticks = base.Run(ops);
            _sha.Finish(_digest, 0);
            return ticks;
        }

        protected override void Once(int i)
        {
            _sha.Update(_chunk, 0, ChunkBytes);
        }
    }
}
