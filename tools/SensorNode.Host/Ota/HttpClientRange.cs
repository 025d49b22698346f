using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Ota;

/// <summary>
/// <see cref="IHttpRange"/> over .NET's HttpClient (synchronous Send, headers first, body streamed),
/// for the host simulator and end-to-end tests. Failures become statuses, never exceptions.
/// </summary>
public sealed class HttpClientRange : IHttpRange, IDisposable
{
    private readonly HttpClient _client;
    private HttpResponseMessage? _response;
    private Stream? _body;
    private long _expected;
    private long _received;

    public HttpClientRange(TimeSpan timeout)
    {
        _client = new HttpClient { Timeout = timeout };
    }

    public HttpRangeStatus Open(string url, int offset, out int totalLength)
    {
        Close();
        totalLength = -1;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            _response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            switch (_response.StatusCode)
            {
                case HttpStatusCode.PartialContent:
                    totalLength = (int?)_response.Content.Headers.ContentRange?.Length ?? -1;
                    return StartBody(HttpRangeStatus.Partial);
                case HttpStatusCode.OK:
                    totalLength = (int?)_response.Content.Headers.ContentLength ?? -1;
                    return StartBody(HttpRangeStatus.Whole);
                case HttpStatusCode.NotFound:
                case HttpStatusCode.Gone:
                    return HttpRangeStatus.NotFound;
                case HttpStatusCode.RequestedRangeNotSatisfiable:
                    return HttpRangeStatus.RangeNotSatisfiable;
                default:
                    return HttpRangeStatus.HttpError;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            Close();
            return HttpRangeStatus.Failed;
        }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
    {
        if (_body == null || timeoutMilliseconds <= 0)
        {
            return -1;
        }

        try
        {
            // HttpClient.Timeout ends at the headers (ResponseHeadersRead): each body read gets its own deadline.
            using var deadline = new CancellationTokenSource(timeoutMilliseconds);
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            int n;
            try
            {
                n = _body.ReadAsync(buffer.AsMemory(offset, count), deadline.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The timer may fire a millisecond before a millisecond clock shows the deadline passed; the core tells a
                // timeout from a lost connection by the time a failed read took, so return no earlier than the deadline.
                TimeSpan left = TimeSpan.FromMilliseconds(timeoutMilliseconds + 1) - System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (left > TimeSpan.Zero)
                {
                    Thread.Sleep(left);
                }

                return -1;
            }

            _received += n;
            return n == 0 && _expected >= 0 && _received < _expected ? -1 : n;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return -1;
        }
    }

    public void Close()
    {
        _body?.Dispose();
        _body = null;
        _response?.Dispose();
        _response = null;
    }

    public void Dispose()
    {
        Close();
        _client.Dispose();
    }

    private HttpRangeStatus StartBody(HttpRangeStatus status)
    {
        _expected = _response!.Content.Headers.ContentLength ?? -1;
        _received = 0;
        _body = _response.Content.ReadAsStream();
        return status;
    }
}
