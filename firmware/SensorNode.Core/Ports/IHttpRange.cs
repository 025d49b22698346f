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

        /// <summary>Reads up to <paramref name="count"/> body bytes; 0 at the end of the body, -1 when the connection failed.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Ends the request (safe to call when none is open).</summary>
        void Close();
    }
}
