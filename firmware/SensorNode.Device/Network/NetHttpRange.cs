using System;
using System.IO;
using System.Net;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Network
{
    /// <summary>
    /// <see cref="IHttpRange"/> over nanoFramework's System.Net.Http HttpWebRequest, whose response stream
    /// reads straight from the socket (HttpClient's HttpContent.ReadAsStream buffers the whole body in RAM
    /// in 1.5.210, which a 300 KB image on an ESP32 cannot afford). Range via AddRange(offset).
    /// For https, the composition root sets the root CA and TLS version in <see cref="Configure"/>
    /// (request.HttpsAuthentCert, request.SslProtocols), which live in the System.Net package.
    /// </summary>
    public sealed class NetHttpRange : IHttpRange
    {
        /// <summary>Called on every request before it is sent (TLS settings, headers); may be null.</summary>
        public RequestConfigurer Configure;

        private readonly int _timeoutMilliseconds;
        private HttpWebResponse _response;
        private Stream _body;
        private long _expected;
        private long _received;

        /// <summary>
        /// Creates the adapter; <paramref name="timeoutMilliseconds"/> bounds connect and each socket read
        /// (HttpWebRequest.Timeout and ReadWriteTimeout). The composition root gives the updater's
        /// <c>ReadTimeoutMilliseconds</c>, so a read never outlives the deadline the updater passes to <see cref="Read"/>.
        /// </summary>
        public NetHttpRange(int timeoutMilliseconds)
        {
            _timeoutMilliseconds = timeoutMilliseconds;
        }

        /// <inheritdoc />
        public HttpRangeStatus Open(string url, int offset, out int totalLength)
        {
            Close();
            totalLength = -1;
            try
            {
                var request = (HttpWebRequest)WebRequest.Create(url);
                request.Timeout = _timeoutMilliseconds;
                request.ReadWriteTimeout = _timeoutMilliseconds;
                request.KeepAlive = false;
                if (offset > 0)
                {
                    request.AddRange(offset);
                }

                if (Configure != null)
                {
                    Configure(request);
                }

                try
                {
                    _response = (HttpWebResponse)request.GetResponse();
                }
                catch (WebException ex)
                {
                    _response = ex.Response as HttpWebResponse;
                    if (_response == null)
                    {
                        return HttpRangeStatus.Failed;
                    }
                }

                int code = (int)_response.StatusCode;
                long length = _response.ContentLength;
                if (code == (int)HttpStatusCode.PartialContent)
                {
                    totalLength = length >= 0 ? (int)(offset + length) : -1;
                    return StartBody(length, HttpRangeStatus.Partial);
                }

                if (code == (int)HttpStatusCode.OK)
                {
                    totalLength = length >= 0 ? (int)length : -1;
                    return StartBody(length, HttpRangeStatus.Whole);
                }

                HttpRangeStatus status = code == (int)HttpStatusCode.NotFound || code == (int)HttpStatusCode.Gone
                    ? HttpRangeStatus.NotFound
                    : code == (int)HttpStatusCode.RequestedRangeNotSatisfiable ? HttpRangeStatus.RangeNotSatisfiable : HttpRangeStatus.HttpError;
                Close();
                return status;
            }
            catch (Exception)
            {
                // Socket, DNS and TLS failures surface as various exception types on nanoFramework.
                Close();
                return HttpRangeStatus.Failed;
            }
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            // The socket's ReadWriteTimeout (set in Open) bounds the wait; a deadline already passed reads nothing.
            if (_body == null || timeoutMilliseconds <= 0)
            {
                return -1;
            }

            try
            {
                int n = _body.Read(buffer, offset, count);
                _received += n;
                return n == 0 && _expected >= 0 && _received < _expected ? -1 : n;
            }
            catch (Exception)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_body != null)
            {
                _body.Dispose();
                _body = null;
            }

            if (_response != null)
            {
                _response.Close();
                _response = null;
            }
        }

        private HttpRangeStatus StartBody(long length, HttpRangeStatus status)
        {
            _expected = length;
            _received = 0;
            _body = _response.GetResponseStream();
            return status;
        }
    }
}
