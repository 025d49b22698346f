using System;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// In-memory <see cref="IHttpRange"/> serving one resource, honouring Range, that can drop the
    /// connection after a number of body bytes (once per <see cref="DropAfter"/> setting) or ignore
    /// ranges like a server without Range support. Counts requests for tests.
    /// </summary>
    public sealed class SimulatedHttpRange : IHttpRange
    {
        private byte[] _body;
        private int _position = -1;
        private int _sentThisRequest;

        /// <summary>Serves <paramref name="body"/> at every URL (null = 404).</summary>
        public SimulatedHttpRange(byte[] body)
        {
            _body = body;
        }

        /// <summary>Drop the connection after this many body bytes of the next request; -1 = never.</summary>
        public int DropAfter { get; set; } = -1;

        /// <summary>Answer every request with 200 and the whole body.</summary>
        public bool IgnoreRanges { get; set; }

        /// <summary>Requests opened so far.</summary>
        public int Requests { get; private set; }

        /// <summary>Offset of the last request.</summary>
        public int LastOffset { get; private set; }

        /// <summary>Replaces the served resource.</summary>
        public void Serve(byte[] body)
        {
            _body = body;
        }

        /// <inheritdoc />
        public HttpRangeStatus Open(string url, int offset, out int totalLength)
        {
            Requests++;
            LastOffset = offset;
            totalLength = -1;
            if (_body == null)
            {
                return HttpRangeStatus.NotFound;
            }

            totalLength = _body.Length;
            _sentThisRequest = 0;
            if (IgnoreRanges)
            {
                _position = 0;
                return HttpRangeStatus.Whole;
            }

            if (offset >= _body.Length && offset > 0)
            {
                return HttpRangeStatus.RangeNotSatisfiable;
            }

            _position = offset;
            return offset > 0 ? HttpRangeStatus.Partial : HttpRangeStatus.Whole;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_position < 0)
            {
                return -1;
            }

            if (DropAfter >= 0 && _sentThisRequest >= DropAfter)
            {
                DropAfter = -1;
                _position = -1;
                return -1;
            }

            int n = _body.Length - _position;
            n = n < count ? n : count;
            if (DropAfter >= 0 && _sentThisRequest + n > DropAfter)
            {
                n = DropAfter - _sentThisRequest;
            }

            Array.Copy(_body, _position, buffer, offset, n);
            _position += n;
            _sentThisRequest += n;
            return n;
        }

        /// <inheritdoc />
        public void Close()
        {
            _position = -1;
        }
    }
}
