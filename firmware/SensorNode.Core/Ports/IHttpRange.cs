namespace SensorNode.Core.Ports
{
    /// <summary>
    /// HTTP(S) GET of one resource from a byte offset (RFC 9110 §14: "Range: bytes=offset-"), read in
    /// chunks into caller buffers. Adapters: System.Net.Http on the device, HttpClient on the host.
    /// One request is open at a time.
    /// </summary>
    public interface IHttpRange
    {
        /// <summary>
        /// Sends the GET (with a Range header when <paramref name="offset"/> &gt; 0). <paramref name="totalLength"/>
        /// is the whole resource's length when the server says it, else -1.
        /// </summary>
        HttpRangeStatus Open(string url, int offset, out int totalLength);

        /// <summary>
        /// Reads up to <paramref name="count"/> body bytes, waiting at most <paramref name="timeoutMilliseconds"/>
        /// (the caller's deadline on the node's clock; adapters must return by then); 0 at the end of the body,
        /// -1 when the connection failed or no byte came in time.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Ends the request (safe to call when none is open).</summary>
        void Close();
    }
}
