namespace SensorNode.Core.Ports
{
    /// <summary>Outcome of <see cref="IHttpRange.Open"/>.</summary>
    public enum HttpRangeStatus
    {
        /// <summary>206: the body starts at the requested offset.</summary>
        Partial = 0,

        /// <summary>200: the body is the whole resource, from byte 0 (the server ignored the range).</summary>
        Whole = 1,

        /// <summary>404 or 410: the resource does not exist.</summary>
        NotFound = 2,

        /// <summary>416: the offset is at or past the end.</summary>
        RangeNotSatisfiable = 3,

        /// <summary>Connection or TLS failure (unreachable): worth retrying.</summary>
        Failed = 4,

        /// <summary>Any other HTTP status (403, 500, 503, …): worth retrying, reported as http_status.</summary>
        HttpError = 5,
    }
}
